import {
  AlertSchema,
  ENTITY_KINDS,
  UnitPositionSchema,
  type Alert,
  type EntityKindTable,
  type KindRecord,
  type Unit,
  type UnitPosition,
} from '../../shared/protocol';
import type { Commit, Storage } from '../storage/storage';
import type { Draft } from './draft';
import { nounOf } from './draft';
import { entityId } from './ids';
import { describeIssues } from './issues';
import type { Journal } from './journal';
import { PositionRows } from './positionRows';
import { CommandFailure, SYSTEM_ACTOR, type NewAlert, type ProducedKind, type SeedWorld } from './ports';
import type { RecordState } from './recordState';

export interface ProducerDeps {
  kinds: EntityKindTable;
  storage: Storage;
  state: RecordState;
  units: ReadonlyMap<string, Unit>;
  journal: Journal;
  clock: () => number;
  newDraft: (actor: typeof SYSTEM_ACTOR) => Draft;
  commit(draft: Draft, extra: Pick<Commit, 'command' | 'audit'>): void;
}

/**
 * What the SMS's own producers write (the simulator, device integrations): unit positions,
 * alerts, device records, the initial world. Same validation and journal as commands, no
 * idempotency record or audit (they are not operators' actions).
 */
export function createProducers(deps: ProducerDeps) {
  const { storage, state, units, journal, clock } = deps;
  const positionRows = new PositionRows((id) => units.get(id));

  return {
    positionRows,

    moveUnits(positions: readonly UnitPosition[]): void {
      const accepted: UnitPosition[] = [];
      const moved = new Map<string, Unit>();
      for (const raw of positions) {
        const parsed = UnitPositionSchema.safeParse(raw);
        if (!parsed.success) throw new CommandFailure('invalid', `Invalid position: ${describeIssues(parsed.error)}`);
        const p = parsed.data;
        const unit = moved.get(p.id) ?? units.get(p.id);
        if (!unit) continue;
        accepted.push(p);
        moved.set(p.id, { ...unit, position: { lon: p.lon, lat: p.lat }, heading: p.heading, speed: p.speed });
      }
      if (accepted.length === 0) return;
      const ts = clock();
      const rows = positionRows.moved(ts, moved);
      journal.append(
        [{ type: 'unit.positions', payload: { positions: accepted } }],
        ts,
        { records: { put: { unit: rows } } },
        () => state.apply({ put: { unit: [...moved.values()] } }),
      );
    },

    raiseAlert(input: NewAlert): Alert {
      const draft = deps.newDraft(SYSTEM_ACTOR);
      const alert = AlertSchema.safeParse({
        ...input,
        id: entityId('alert', draft.next('alert')),
        status: 'raised',
        incidentId: null,
        raisedAt: draft.isoNow,
        acknowledgedAt: null,
        acknowledgedBy: null,
        dismissReason: null,
      });
      if (!alert.success) throw new CommandFailure('invalid', `Invalid alert: ${describeIssues(alert.error)}`);
      if (alert.data.cameraId !== null) draft.get('camera', alert.data.cameraId);
      if (alert.data.servicePointId !== null) draft.get('servicePoint', alert.data.servicePointId);
      if (alert.data.unitId !== null) draft.get('unit', alert.data.unitId);
      draft.put('alert', alert.data);
      deps.commit(draft, {});
      return alert.data;
    },

    update<K extends ProducedKind>(kind: K, record: KindRecord<K>): void {
      const spec = deps.kinds[kind];
      if (!spec) throw new CommandFailure('invalid', `Unknown kind ${kind}.`);
      const parsed = spec.schema.safeParse(record);
      if (!parsed.success)
        throw new CommandFailure('invalid', `Invalid ${nounOf(kind)}: ${describeIssues(parsed.error)}`);
      const draft = deps.newDraft(SYSTEM_ACTOR);
      draft.get(kind, parsed.data.id);
      draft.put(kind, parsed.data as KindRecord<K>);
      deps.commit(draft, {});
    },

    seed(world: SeedWorld): void {
      if (state.size('unit') > 0 || state.size('camera') > 0 || state.size('servicePoint') > 0) {
        throw new CommandFailure('conflict', 'The SMS already holds a world; seed only a fresh one.');
      }
      const parsed = {
        unit: ENTITY_KINDS.unit.schema.array().safeParse(world.units),
        camera: ENTITY_KINDS.camera.schema.array().safeParse(world.cameras),
        servicePoint: ENTITY_KINDS.servicePoint.schema.array().safeParse(world.servicePoints),
      };
      if (!parsed.unit.success || !parsed.camera.success || !parsed.servicePoint.success) {
        const error = Object.values(parsed).find((r) => !r.success)?.error;
        throw new CommandFailure('invalid', `Invalid world: ${error ? describeIssues(error) : ''}`);
      }
      const put = { unit: parsed.unit.data, camera: parsed.camera.data, servicePoint: parsed.servicePoint.data };
      storage.commit({ records: { put } });
      state.apply({ put });
    },
  };
}
