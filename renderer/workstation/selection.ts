import { useSyncExternalStore } from 'react';
import { WorkstationBus, type SelectionTarget, type WorkstationMessage } from './workstationBus';

/** The window's bus (one per window). */
export const workstationBus = new WorkstationBus();

let selected: SelectionTarget = null;
const selectionListeners = new Set<() => void>();
workstationBus.subscribe((message: WorkstationMessage) => {
  if (message.type !== 'select') return;
  selected = message.target;
  for (const listener of selectionListeners) listener();
});

/** Selects something in every window of the workstation (null clears the selection). */
export function select(target: SelectionTarget): void {
  workstationBus.post({ type: 'select', target });
}

/** Asks this workstation's wall window to show these cameras. */
export function showOnWall(cameraIds: string[]): void {
  workstationBus.post({ type: 'showOnWall', cameraIds });
}

/** The workstation's current selection, re-rendering when it changes in any window. */
export function useSelection(): SelectionTarget {
  return useSyncExternalStore(
    (listener) => {
      selectionListeners.add(listener);
      return () => selectionListeners.delete(listener);
    },
    () => selected,
  );
}
