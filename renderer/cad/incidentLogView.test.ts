import { INCIDENT_LOG_TAIL, type LogEntry, type NumberedLogEntry } from '../../shared/protocol';
import { anIncident } from '../../test/support/records';
import type { OutboxEntry } from '../commands/outbox';
import { applyToIncident } from '../commands/optimistic';
import { entriesNotShown, shownLog } from './incidentLogView';

const entry = (n: number): LogEntry => ({
  id: `log-${n}`,
  at: '2026-11-25T10:00:00.000Z',
  author: 'dispatcher',
  kind: 'note',
  text: `note ${n}`,
});
const numbered = (n: number): NumberedLogEntry => ({ n, ...entry(n) });
const range = (from: number, to: number) => [...Array(to - from).keys()].map((i) => from + i);

/** An incident of 80 entries as the SMS sends it: the latest 50 and the count. */
const long = () => anIncident({ log: range(30, 80).map(entry), logCount: 80 });

const pendingNote = (text: string): OutboxEntry => ({
  id: 'cmd-1',
  type: 'incident.note',
  payload: { incidentId: 'inc-1', text },
  createdAt: Date.parse('2026-11-25T10:05:00.000Z'),
  label: 'Note on CAD-2026-000001',
  state: 'pending',
  error: null,
  attempts: 0,
});

describe('the incident log as the detail shows it', () => {
  it('numbers the carried entries from the count and says how many are not shown', () => {
    const shown = shownLog(long(), []);
    expect(shown.map((s) => s.n)).toEqual(range(30, 80));
    expect(entriesNotShown(long(), shown)).toBe(30);
  });

  it('puts earlier entries loaded from the SMS before the carried ones, without doubles', () => {
    const shown = shownLog(long(), range(0, 40).map(numbered));
    expect(shown.map((s) => s.n)).toEqual(range(0, 80));
    expect(shown.map((s) => s.entry)).toEqual(range(0, 80).map(entry));
    expect(entriesNotShown(long(), shown)).toBe(0);
  });

  it('reads a record of an older SMS (no count) as its whole log', () => {
    const old = anIncident({ log: range(0, 3).map(entry) });
    expect(entriesNotShown(old, shownLog(old, []))).toBe(0);
  });
});

describe('a pending note on a long incident', () => {
  it('counts the pending line and keeps the record to its latest entries, as the SMS will', () => {
    const pending = applyToIncident(long(), [pendingNote('on my way')]);
    expect(pending.logCount).toBe(81);
    expect(pending.log).toHaveLength(INCIDENT_LOG_TAIL);
    expect(pending.log.at(-1)).toMatchObject({ author: 'pending', text: 'on my way' });
    const shown = shownLog(pending, range(0, 40).map(numbered));
    expect(shown.map((s) => s.n)).toEqual(range(0, 81));
  });
});
