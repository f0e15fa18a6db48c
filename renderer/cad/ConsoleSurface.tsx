import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommandLineAction } from '../../shared/domain/commandLine';
import { INCIDENT_TYPES } from '../../shared/domain/incidentTypes';
import { DEFAULT_INCIDENT_SORT, orderAlerts, unhandledEmergencies, type IncidentSort } from '../../shared/domain/queue';
import type { Recommendation } from '../../shared/domain/recommend';
import { typeFromAlert } from '../../shared/domain/typeFromAlert';
import type { Alert, CommandPayload, Incident, Unit, UnitStatus } from '../../shared/protocol';
import { useOutbox, useOutboxEntries, useSendCommand } from '../commands/CommandsContext';
import type { QueuedCommandType } from '../commands/delivery';
import { useSession } from '../session/SessionContext';
import { incidentQueue } from '../state/incidentOrder';
import { incremental } from '../state/incremental';
import { distinctValues, incidentRefs, openGradeOne } from '../state/indexes';
import { select, showOnWall, useSelection, workstationBus } from '../workstation/selection';
import { AlertQueue, alertTitle } from './AlertQueue';
import { CommandLine, CommandPalette, type CommandLineHandle } from './CommandLine';
import { CreateIncident, type CreateDraft } from './CreateIncident';
import { EmergencyBanner } from './EmergencyBanner';
import { Grade1Announcer } from './Grade1Announcer';
import { IncidentDetail } from './IncidentDetail';
import { IncidentQueue } from './IncidentQueue';
import { QueueFilters, type QueueFilterState } from './QueueFilters';
import { PendingActions } from './PendingActions';
import { recommendFor } from './recommendations';
import { UnitBoard } from './UnitBoard';
import { useConsoleData } from './useConsoleData';
import { useSettled } from './useSettled';
import { useSmsNow } from './useSmsNow';
import { INCIDENT_STATUS_LABEL, UNIT_STATUS_LABEL, words } from '../../shared/domain/labels';
import './cad.css';

const NO_RECOMMENDATIONS: Recommendation[] = [];
/** How long a selection stays before its units are recommended. */
const RECOMMEND_AFTER_MS = 150;

let draftCounter = 0;
function newDraft(partial: Partial<CreateDraft>): CreateDraft {
  draftCounter += 1;
  return {
    key: `draft-${draftCounter}`,
    source: 'call',
    alert: null,
    type: null,
    grade: null,
    location: null,
    placeQuery: '',
    summary: '',
    ...partial,
  };
}

const isEditable = (el: Element | null) =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

/**
 * The computer-aided dispatch console: alert and incident queues, call taking with duplicate
 * detection, incident detail with recommendations, the unit board and a command line. Every
 * action is an SMS command through the outbox: shown at once (optimistic), kept across reloads
 * and link loss, rolled back visibly if refused. Entry point with a fixed name and no props.
 */
export function ConsoleSurface() {
  const { user } = useSession();
  const send = useSendCommand();
  const outbox = useOutbox();
  const entries = useOutboxEntries(outbox);
  const data = useConsoleData(entries);
  const now = useSmsNow(data.incidents);
  const selection = useSelection();
  const [sort, setSort] = useState<IncidentSort>(DEFAULT_INCIDENT_SORT);
  const [filters, setFilters] = useState<QueueFilterState>({ grade: '', status: '', type: '', ward: '', search: '' });
  const [draft, setDraft] = useState<CreateDraft | null>(null);
  const [palette, setPalette] = useState(false);
  const cmdRef = useRef<CommandLineHandle>(null);
  const queueRef = useRef<HTMLDivElement>(null);

  const selectedId = selection?.kind === 'incident' ? selection.id : null;
  const selected = selectedId ? data.incidentById.get(selectedId) : undefined;
  const selectIncident = useCallback((id: string) => select({ kind: 'incident', id }), []);

  // Every list derived from the incidents follows their changes (state/incremental.ts): a batch
  // of updates costs what it changed, not a pass over 10,000 incidents. The queue's order needs
  // no clock (it orders by due time, state/incidentOrder.ts), so countdowns never re-sort it.
  const orderQueue = useMemo(
    () =>
      incremental(
        incidentQueue(
          {
            grades: filters.grade ? [filters.grade] : [],
            statuses: filters.status ? [filters.status] : [],
            types: filters.type ? [filters.type] : [],
            wards: filters.ward ? [filters.ward] : [],
            search: filters.search,
          },
          sort,
        ),
      ),
    [filters, sort],
  );
  const [wardsOf] = useState(() => incremental(distinctValues<Incident>((i) => i.location.ward || null)));
  const [refsOf] = useState(() => incremental(incidentRefs));
  const [gradeOneOf] = useState(() => incremental(openGradeOne));
  const rows = useMemo(() => orderQueue(data.incidents), [orderQueue, data.incidents]);
  const wards = useMemo(() => wardsOf(data.incidents).values, [wardsOf, data.incidents]);
  const refs = useMemo(() => refsOf(data.incidents), [refsOf, data.incidents]);
  const gradeOne = useMemo(() => gradeOneOf(data.incidents), [gradeOneOf, data.incidents]);
  const incidentRef = useCallback((id: string) => refs.byId.get(id), [refs]);
  const alerts = useMemo(() => orderAlerts(data.alerts), [data.alerts]);
  const emergencies = useMemo(() => unhandledEmergencies(data.alerts), [data.alerts]);
  // Travel times over the street network cost tens of milliseconds: computed once the selection
  // has settled, so walking through the queue with j routes nothing until the operator stops.
  const recommendTarget = useSettled(selected, RECOMMEND_AFTER_MS);
  const recommended = useMemo(
    () => (recommendTarget && recommendTarget.status !== 'closed' ? recommendFor(recommendTarget, data.units) : []),
    [recommendTarget, data.units],
  );
  // Never another incident's units (1-5 assign them): none until the deferred render has caught up.
  const recommendations = recommendTarget?.id === selected?.id ? recommended : NO_RECOMMENDATIONS;

  /** Every action here may wait in the outbox; a refusal shows in Pending actions, so nothing is swallowed. */
  const act = useCallback(
    <T extends QueuedCommandType>(type: T, payload: CommandPayload<T>, label: string) =>
      send(type, payload, label).catch(() => undefined),
    [send],
  );

  const refOf = (id: string) => data.incidentById.get(id)?.ref ?? id;
  const assign = (incident: Incident, unitIds: string[]) => {
    const callsigns = unitIds.map((id) => data.unitById.get(id)?.callsign ?? id).join(', ');
    void act('incident.assign', { incidentId: incident.id, unitIds }, `Assign ${callsigns} to ${incident.ref}`);
  };

  // The map asks for a new incident at a clicked point.
  useEffect(
    () =>
      workstationBus.subscribe((m) => {
        if (m.type === 'createIncidentAt') setDraft(newDraft({ source: 'map', location: { lon: m.lon, lat: m.lat } }));
      }),
    [],
  );

  const createFromAlert = (alert: Alert) =>
    setDraft(
      newDraft({
        source: 'alert',
        alert,
        type: typeFromAlert(alert),
        location: {
          lon: alert.location.lon,
          lat: alert.location.lat,
          ...(alert.location.address ? { address: alert.location.address } : {}),
        },
        summary: `${alertTitle(alert)}${alert.detail ? `: ${alert.detail}` : ''}`.slice(0, 2000),
      }),
    );

  // Global shortcuts, when the operator is not typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPalette(true);
        return;
      }
      if (isEditable(document.activeElement) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/') {
        e.preventDefault();
        cmdRef.current?.focus();
      } else if (e.key === 'n') {
        e.preventDefault();
        setDraft(newDraft({}));
      } else if (e.key === 'q') {
        e.preventDefault();
        queueRef.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus();
      } else if (/^[1-5]$/.test(e.key) && selected && !draft) {
        const rec = recommendations[Number(e.key) - 1];
        if (rec) {
          e.preventDefault();
          assign(selected, [rec.unit.id]);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const runCommand = (action: CommandLineAction): string | null => {
    const byRef = (ref: string) => data.incidents.find((i) => i.ref === ref);
    switch (action.verb) {
      case 'new':
        setDraft(
          newDraft({
            type: action.type,
            grade: action.grade,
            placeQuery: action.place,
          }),
        );
        return null;
      case 'find':
        setFilters((f) => ({ ...f, search: action.text }));
        return null;
      case 'assign': {
        const incident = byRef(action.incidentRef);
        if (!incident) return `no incident ${action.incidentRef}`;
        const ids = action.callsigns.map((c) => data.units.find((u) => u.callsign === c)!.id);
        assign(incident, ids);
        return null;
      }
      case 'status': {
        if (action.target === 'unit') {
          const unit = data.units.find((u) => u.callsign === action.callsign)!;
          void act(
            'unit.status',
            { unitId: unit.id, status: action.status },
            `${unit.callsign} ${UNIT_STATUS_LABEL[action.status].toLowerCase()}`,
          );
          return null;
        }
        const incident = byRef(action.incidentRef);
        if (!incident) return `no incident ${action.incidentRef}`;
        void act(
          'incident.status',
          { incidentId: incident.id, status: action.status },
          `${incident.ref} ${INCIDENT_STATUS_LABEL[action.status].toLowerCase()}`,
        );
        return null;
      }
      case 'note': {
        const incident = byRef(action.incidentRef);
        if (!incident) return `no incident ${action.incidentRef}`;
        void act('incident.note', { incidentId: incident.id, text: action.text }, `Note on ${incident.ref}`);
        return null;
      }
      case 'close': {
        const incident = byRef(action.incidentRef);
        if (!incident) return `no incident ${action.incidentRef}`;
        void act(
          'incident.close',
          { incidentId: incident.id, resultCode: action.resultCode },
          `Close ${incident.ref}: ${words(action.resultCode)}`,
        );
        return null;
      }
      case 'help':
        return null;
    }
  };

  const callsigns = useMemo(() => data.units.map((u) => u.callsign), [data.units]);
  const cmdContext = useMemo(
    () => ({ incidentRefs: refs.refs, callsigns, selectedRef: selected?.ref ?? null }),
    [refs, callsigns, selected?.ref],
  );
  const onUnitStatus = useCallback(
    (u: Unit, s: UnitStatus) =>
      void act('unit.status', { unitId: u.id, status: s }, `${u.callsign} ${UNIT_STATUS_LABEL[s].toLowerCase()}`),
    [act],
  );

  return (
    <section aria-label="Dispatch console" className="surface cad">
      <EmergencyBanner
        emergencies={emergencies}
        unitCallsign={(id) => (id ? (data.unitById.get(id)?.callsign ?? null) : null)}
        onHandle={createFromAlert}
      />
      <Grade1Announcer incidents={gradeOne} username={user.username} loaded={data.loaded} onOpen={selectIncident} />
      <div className="cad-top">
        <h2 className="cad-title">Dispatch console</h2>
        <CommandLine ref={cmdRef} context={cmdContext} onRun={runCommand} />
        <button type="button" onClick={() => setDraft(newDraft({}))} aria-keyshortcuts="n">
          New incident
        </button>
        <button type="button" onClick={() => setPalette(true)} aria-keyshortcuts="Control+K">
          Commands
        </button>
      </div>
      {palette ? (
        <CommandPalette
          onClose={() => setPalette(false)}
          onPick={(text) => {
            setPalette(false);
            cmdRef.current?.fill(text);
          }}
        />
      ) : null}
      <div className="cad-grid">
        <div className="cad-col cad-col--left">
          <AlertQueue
            alerts={alerts}
            now={now}
            onAcknowledge={(a) => void act('alert.acknowledge', { alertId: a.id }, `Acknowledge ${alertTitle(a)}`)}
            onDismiss={(a, reason) => void act('alert.dismiss', { alertId: a.id, reason }, `Dismiss ${alertTitle(a)}`)}
            onOpenCamera={(a) => a.cameraId && showOnWall([a.cameraId])}
            onCreateIncident={createFromAlert}
          />
          <section className="cad-panel cad-incidents" aria-labelledby="cad-queue-title" ref={queueRef}>
            <h3 id="cad-queue-title">
              Incidents <span className="cad-count">{rows.length}</span>
            </h3>
            <QueueFilters value={filters} wards={wards} onChange={setFilters} />
            <IncidentQueue
              rows={rows}
              unitById={data.unitById}
              selectedId={selectedId}
              now={now}
              sort={sort}
              onSort={setSort}
              onSelect={selectIncident}
              onOpen={(id) => {
                selectIncident(id);
                setDraft(null);
              }}
            />
          </section>
        </div>
        <div className="cad-col cad-col--right">
          {draft ? (
            <CreateIncident
              key={draft.key}
              draft={draft}
              incidents={data.incidents}
              now={now}
              onCancel={() => setDraft(null)}
              onCreate={(payload) => {
                setDraft(null);
                void send(
                  'incident.create',
                  payload,
                  `New ${INCIDENT_TYPES[payload.type].label} (grade ${payload.grade})`,
                )
                  .then((r) => selectIncident(r.incident.id))
                  .catch(() => undefined);
              }}
              onLink={(incident, payload) => {
                setDraft(null);
                selectIncident(incident.id);
                void act('incident.link', payload, `Link report to ${incident.ref}`);
              }}
            />
          ) : selected ? (
            <IncidentDetail
              incident={selected}
              units={data.unitById}
              alerts={data.alerts}
              cameras={data.cameras}
              recommendations={recommendations}
              now={now}
              onAssign={(u) => assign(selected, [u.id])}
              onStatus={(s) =>
                void act(
                  'incident.status',
                  { incidentId: selected.id, status: s },
                  `${selected.ref} ${INCIDENT_STATUS_LABEL[s].toLowerCase()}`,
                )
              }
              onNote={(text) => void act('incident.note', { incidentId: selected.id, text }, `Note on ${selected.ref}`)}
              onClose={(code) =>
                void act(
                  'incident.close',
                  { incidentId: selected.id, resultCode: code },
                  `Close ${refOf(selected.id)}: ${words(code)}`,
                )
              }
              onShowCameras={showOnWall}
            />
          ) : (
            <section className="cad-panel cad-help" aria-label="Keyboard help">
              <h3>No incident selected</h3>
              <p>
                <kbd>q</kbd> incident queue · <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>n</kbd> new
                incident · <kbd>/</kbd> command line · <kbd>Ctrl</kbd>+<kbd>K</kbd> commands · <kbd>1</kbd>–<kbd>5</kbd>{' '}
                assign a recommended unit
              </p>
            </section>
          )}
          <PendingActions entries={entries} onDismiss={(id) => outbox.dismiss(id)} />
        </div>
      </div>
      <UnitBoard
        units={data.units}
        incidentRef={incidentRef}
        onSelectIncident={selectIncident}
        onStatus={onUnitStatus}
      />
    </section>
  );
}
