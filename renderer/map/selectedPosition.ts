import type { Alert, Camera, Incident, ServicePoint } from '../../shared/protocol';
import type { SelectionTarget } from '../workstation/workstationBus';
import type { MapUnits } from './live/mapUnits';

/** The entities the map draws through React (units are read from the unit layer). */
export interface MapEntities {
  incidents: readonly Incident[] | undefined;
  cameras: readonly Camera[] | undefined;
  alerts: readonly Alert[] | undefined;
  servicePoints: readonly ServicePoint[] | undefined;
}

/** Where a selected entity is, or null (nothing selected, not found, or an area). */
export function selectedPosition(
  selection: SelectionTarget,
  e: MapEntities,
  units: Pick<MapUnits, 'position'> | null,
): [number, number] | null {
  if (!selection) return null;
  const find = <T extends { id: string }>(list: readonly T[] | undefined) => list?.find((x) => x.id === selection.id);
  const located = (l: { lon: number; lat: number } | undefined): [number, number] | null => (l ? [l.lon, l.lat] : null);
  switch (selection.kind) {
    case 'incident':
      return located(find(e.incidents)?.location);
    case 'camera':
      return located(find(e.cameras)?.position);
    case 'alert':
      return located(find(e.alerts)?.location);
    case 'servicePoint':
      return located(find(e.servicePoints)?.location);
    case 'unit':
      return units?.position(selection.id) ?? null;
    case 'overlay':
      return null; // an area, outlined already
  }
}
