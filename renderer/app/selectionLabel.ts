import type { Snapshot } from '../../shared/protocol';
import type { SelectionTarget } from '../workstation/workstationBus';

const KIND_NAMES = {
  incident: 'Incident',
  unit: 'Unit',
  camera: 'Camera',
  alert: 'Alert',
  servicePoint: 'Service point',
  overlay: 'Overlay',
} as const;

/** How a person names the selection: "Incident CAD-2026-000123", "Camera Bank junction". */
export function selectionLabel(snapshot: Snapshot | undefined, target: SelectionTarget): string {
  if (!target) return 'Nothing selected';
  const kind = KIND_NAMES[target.kind];
  if (!snapshot) return `${kind} ${target.id}`;
  const name =
    target.kind === 'incident'
      ? snapshot.incidents.find((i) => i.id === target.id)?.ref
      : target.kind === 'unit'
        ? snapshot.units.find((u) => u.id === target.id)?.callsign
        : target.kind === 'camera'
          ? snapshot.cameras.find((c) => c.id === target.id)?.name
          : target.kind === 'servicePoint'
            ? snapshot.servicePoints.find((s) => s.id === target.id)?.name
            : target.kind === 'overlay'
              ? snapshot.overlays?.find((o) => o.id === target.id)?.name
              : undefined;
  return `${kind} ${name ?? target.id}`;
}
