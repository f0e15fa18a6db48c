import type { Snapshot } from '../../../shared/protocol';

// Stable selectors (module-level) so react-query memoises them: the map re-renders for
// incidents, cameras, alerts and service points, never for a position batch.
export const selectIncidents = (s: Snapshot) => s.incidents;
export const selectCameras = (s: Snapshot) => s.cameras;
export const selectAlerts = (s: Snapshot) => s.alerts;
export const selectServicePoints = (s: Snapshot) => s.servicePoints;
