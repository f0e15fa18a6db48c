// "Show guide" in the user menu reaches the window's guide through this, so neither imports the
// other's component and the workspace needs no state for it. One window, one module instance.

type Listener = () => void;

const listeners = new Set<Listener>();

/** Asks the window's guide to open at its first step. */
export function requestGuide(): void {
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` on every request; returns the unsubscribe. */
export function onGuideRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
