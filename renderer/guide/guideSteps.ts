// What the first-run guide says in each window role. Every key listed here is one the code
// handles (the file that handles it is named beside each group), so the guide never promises a
// key that does nothing: change a key there, change it here.
import type { WindowRole } from '../../shared/host/profile';

/** A key (or keys) and what it does, as the guide shows it. */
export interface GuideKey {
  /** As printed on the keyboard: "/", "Ctrl+K", "↑ ↓". */
  keys: string;
  does: string;
}

/** One step of the tour: one surface or one group of keys. */
export interface GuideStep {
  title: string;
  body: string;
  keys: readonly GuideKey[];
}

// renderer/app/Workspace.tsx, WindowsMenu.tsx, session/UserMenu.tsx: the header of every window.
const HEADER: GuideStep = {
  title: 'The header',
  body:
    'The top bar opens this workstation’s other windows, shows what is selected across them, and holds the ' +
    'workstation settings and your sign-out. “Show guide” there brings this guide back.',
  keys: [],
};

// renderer/cad/ConsoleSurface.tsx (window keys, not while typing in a field).
const CONSOLE_KEYS: GuideStep = {
  title: 'Console keys',
  body: 'These work anywhere in the console while you are not typing in a field.',
  keys: [
    { keys: '/', does: 'type a command (e.g. assign 123 TR2)' },
    { keys: 'Ctrl+K', does: 'list the commands' },
    { keys: 'N', does: 'new incident' },
    { keys: 'Q', does: 'go to the incident queue' },
    { keys: '1–5', does: 'assign the recommended unit of that number to the selected incident' },
  ],
};

// renderer/cad/IncidentQueue.tsx and CommandLine.tsx.
const QUEUE_KEYS: GuideStep = {
  title: 'Queue and command line',
  body: 'In the incident queue and in the command line:',
  keys: [
    { keys: '↑ ↓ or J K', does: 'move through the queue' },
    { keys: 'Page Up/Down, Home, End', does: 'jump through the queue' },
    { keys: 'Enter', does: 'open the incident (in the command line: run it)' },
    { keys: 'Tab', does: 'complete a command' },
    { keys: 'Esc', does: 'clear the command line' },
  ],
};

const CONSOLE_SURFACE: GuideStep = {
  title: 'Dispatch console',
  body:
    'Alerts waiting for someone, the queue of open incidents (nearest target time first), the units and their ' +
    'status, and the selected incident’s detail with its log and recommended units.',
  keys: [],
};

// renderer/map/MapView.tsx (the map canvas), overlays/MapOverlays.tsx (drawing).
const MAP_SURFACE: GuideStep = {
  title: 'The map',
  body:
    'Incidents, units, cameras and alerts live on the City map. Pick one to see it in the card; find units and ' +
    'cameras, search places, switch layers, measure, and draw cordons and sectors from the bar above it.',
  keys: [],
};

const MAP_KEYS: GuideStep = {
  title: 'Map keys',
  body: 'With the map focused (Tab to it):',
  keys: [
    { keys: 'Arrow keys', does: 'pan' },
    { keys: '+ −', does: 'zoom' },
    { keys: 'Menu or Shift+F10', does: 'actions at the centre, e.g. the cameras that see it' },
    { keys: 'Esc', does: 'close the menu, stop measuring' },
    { keys: 'A, Enter, Backspace', does: 'while drawing: add a corner at the crosshair, finish, undo a corner' },
  ],
};

// renderer/video/VideoTile.tsx, CameraList.tsx.
const WALL_SURFACE: GuideStep = {
  title: 'The video wall',
  body:
    'The room wall (or one of your own screens, picked with the Wall selector): live tiles, presets and ' +
    'tours. The camera list puts a camera on the selected tile; drag cameras onto tiles, and tiles onto tiles.',
  keys: [],
};

const WALL_KEYS: GuideStep = {
  title: 'Wall keys',
  body: 'Tab to a tile to select it, then:',
  keys: [
    { keys: 'Enter', does: 'show the tile full screen' },
    { keys: 'Esc', does: 'back to the grid' },
    { keys: 'Delete', does: 'clear the tile' },
  ],
};

// renderer/overview/Overview.tsx, IncidentBoard.tsx.
const OVERVIEW: GuideStep = {
  title: 'Overview',
  body:
    'The major event at a glance: counts of incidents, units and alerts, and the board of open incidents, ' +
    'whose cameras go to the wall with one button.',
  keys: [],
};

// renderer/app/RoleLayout.tsx (react-resizable-panels separators).
const PANES: GuideStep = {
  title: 'Resizing the panes',
  body: 'The bars between the panes resize them; your sizes are kept for this window.',
  keys: [{ keys: 'Tab to a bar, then arrow keys, Home, End', does: 'resize' }],
};

const STEPS: Record<WindowRole, readonly GuideStep[]> = {
  console: [CONSOLE_SURFACE, CONSOLE_KEYS, QUEUE_KEYS, HEADER],
  map: [MAP_SURFACE, MAP_KEYS, HEADER],
  wall: [WALL_SURFACE, WALL_KEYS, HEADER],
  command: [MAP_SURFACE, OVERVIEW, MAP_KEYS, PANES, HEADER],
  combined: [
    {
      title: 'Every surface in one window',
      body:
        'The dispatch console on the left, the map in the middle, the video wall and the overview on the right. ' +
        'On a workstation with more displays each gets a window of its own.',
      keys: [],
    },
    CONSOLE_KEYS,
    MAP_KEYS,
    WALL_KEYS,
    PANES,
  ],
};

/** The tour of a window role: three to five steps. */
export function guideSteps(role: WindowRole): readonly GuideStep[] {
  return STEPS[role];
}
