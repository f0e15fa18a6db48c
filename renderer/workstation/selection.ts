import { useSyncExternalStore } from 'react';
import {
  WorkstationBus,
  WorkstationMessageSchema,
  type SelectionTarget,
  type WorkstationMessage,
} from './workstationBus';

/** The window's bus (one per window). */
export const workstationBus = new WorkstationBus();

// The selection is kept in the tab's sessionStorage so that a window reloaded after a crash,
// or a role window opened from this one (which starts with a copy of it), shows it too.
const SELECTION_KEY = 'jccr.selection';
const tabStorage = typeof sessionStorage === 'undefined' ? null : sessionStorage;

let selected: SelectionTarget = restoreSelection();
const selectionListeners = new Set<() => void>();
workstationBus.subscribe((message: WorkstationMessage) => {
  if (message.type !== 'select') return;
  selected = message.target;
  tabStorage?.setItem(SELECTION_KEY, JSON.stringify(message));
  for (const listener of selectionListeners) listener();
});

function restoreSelection(): SelectionTarget {
  try {
    const parsed = WorkstationMessageSchema.safeParse(JSON.parse(tabStorage?.getItem(SELECTION_KEY) ?? 'null'));
    return parsed.success && parsed.data.type === 'select' ? parsed.data.target : null;
  } catch {
    return null;
  }
}

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
