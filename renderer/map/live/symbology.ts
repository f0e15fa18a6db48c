import type { AlertPriority, Grade, ServicePointStatus, UnitKind, UnitStatus } from '../../../shared/protocol';

// Every state has a colour AND a word or shape: colour is never the only signal.

export const UNIT_STATUS_STYLE: Record<UnitStatus, { colour: string; label: string; short: string }> = {
  available: { colour: '#4fdc8a', label: 'Available', short: 'AVL' },
  dispatched: { colour: '#ffb020', label: 'Dispatched', short: 'DSP' },
  en_route: { colour: '#6cb8ff', label: 'En route', short: 'ENR' },
  on_scene: { colour: '#d08cff', label: 'On scene', short: 'ONS' },
  busy: { colour: '#c9d2dc', label: 'Busy', short: 'BSY' },
  off_duty: { colour: '#6b7785', label: 'Off duty', short: 'OFF' },
};

export const UNIT_KIND_STYLE: Record<
  UnitKind,
  { letter: string; label: string; shape: 'circle' | 'square' | 'hexagon' | 'diamond' }
> = {
  foot: { letter: 'F', label: 'Foot patrol', shape: 'circle' },
  car: { letter: 'C', label: 'Response car', shape: 'square' },
  cycle: { letter: 'B', label: 'Cycle', shape: 'circle' },
  van: { letter: 'V', label: 'Van', shape: 'square' },
  armed_response: { letter: 'AR', label: 'Armed response', shape: 'hexagon' },
  dog: { letter: 'D', label: 'Dog unit', shape: 'diamond' },
  public_order: { letter: 'PO', label: 'Public order', shape: 'hexagon' },
  project_servator: { letter: 'PS', label: 'Project Servator', shape: 'diamond' },
};

export const GRADE_STYLE: Record<
  Grade,
  { colour: string; label: string; shape: 'triangle' | 'diamond' | 'square' | 'circle' }
> = {
  1: { colour: '#ff5a5a', label: 'Grade 1 Emergency', shape: 'triangle' },
  2: { colour: '#ffb020', label: 'Grade 2 Priority', shape: 'diamond' },
  3: { colour: '#6cb8ff', label: 'Grade 3 Scheduled', shape: 'square' },
  4: { colour: '#a9b8c8', label: 'Grade 4 Resolved', shape: 'circle' },
};

export const ALERT_PRIORITY_STYLE: Record<AlertPriority, { colour: string; label: string }> = {
  critical: { colour: '#ff3b3b', label: 'Critical' },
  high: { colour: '#ff8c42', label: 'High' },
  medium: { colour: '#ffd23f', label: 'Medium' },
  low: { colour: '#9fb3c8', label: 'Low' },
};

export const SERVICE_POINT_STYLE: Record<ServicePointStatus, { colour: string; label: string }> = {
  idle: { colour: '#4fdc8a', label: 'Idle' },
  in_call: { colour: '#ffb020', label: 'In call' },
  offline: { colour: '#6b7785', label: 'Offline' },
  fault: { colour: '#ff6b6b', label: 'Fault' },
};

export const CAMERA_STYLE = {
  online: { colour: '#7fe3ff', label: 'Camera online' },
  offline: { colour: '#6b7785', label: 'Camera offline (crossed)' },
} as const;
