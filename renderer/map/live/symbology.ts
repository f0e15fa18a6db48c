import type { AlertPriority, Grade, ServicePointStatus, UnitKind, UnitStatus } from '../../../shared/protocol';

// Every state has a colour AND a word or shape: colour is never the only signal. The words are
// in shared/domain/labels.ts; this file holds only how things look.

export const UNIT_STATUS_STYLE: Record<UnitStatus, { colour: string }> = {
  available: { colour: '#4fdc8a' },
  dispatched: { colour: '#ffb020' },
  en_route: { colour: '#6cb8ff' },
  on_scene: { colour: '#d08cff' },
  busy: { colour: '#c9d2dc' },
  off_duty: { colour: '#6b7785' },
};

/** The letter on a unit's badge (its kind at a glance) and the badge's shape. */
export const UNIT_KIND_STYLE: Record<UnitKind, { letter: string; shape: 'circle' | 'square' | 'hexagon' | 'diamond' }> =
  {
    foot: { letter: 'F', shape: 'circle' },
    car: { letter: 'C', shape: 'square' },
    cycle: { letter: 'B', shape: 'circle' },
    van: { letter: 'V', shape: 'square' },
    armed_response: { letter: 'AR', shape: 'hexagon' },
    dog: { letter: 'D', shape: 'diamond' },
    public_order: { letter: 'PO', shape: 'hexagon' },
    project_servator: { letter: 'PS', shape: 'diamond' },
  };

export const GRADE_STYLE: Record<Grade, { colour: string; shape: 'triangle' | 'diamond' | 'square' | 'circle' }> = {
  1: { colour: '#ff5a5a', shape: 'triangle' },
  2: { colour: '#ffb020', shape: 'diamond' },
  3: { colour: '#6cb8ff', shape: 'square' },
  4: { colour: '#a9b8c8', shape: 'circle' },
};

export const ALERT_PRIORITY_STYLE: Record<AlertPriority, { colour: string }> = {
  critical: { colour: '#ff3b3b' },
  high: { colour: '#ff8c42' },
  medium: { colour: '#ffd23f' },
  low: { colour: '#9fb3c8' },
};

export const SERVICE_POINT_STYLE: Record<ServicePointStatus, { colour: string }> = {
  idle: { colour: '#4fdc8a' },
  in_call: { colour: '#ffb020' },
  offline: { colour: '#6b7785' },
  fault: { colour: '#ff6b6b' },
};

/** Offline cameras are also drawn crossed. */
export const CAMERA_STYLE = {
  online: { colour: '#7fe3ff' },
  offline: { colour: '#6b7785' },
} as const;
