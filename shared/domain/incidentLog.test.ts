import { INCIDENT_LOG_TAIL, INCIDENT_LOG_TAIL_CHARS, type LogEntry } from '../protocol';
import { firstCarriedLogNumber, latestLogEntries, logCountOf, withLogEntries } from './incidentLog';

const entry = (i: number, chars = 10): LogEntry => ({
  id: `log-${i}`,
  at: '2026-11-25T10:00:00.000Z',
  author: 'dispatcher',
  kind: 'note',
  text: 'x'.repeat(chars),
});

describe('the latest log entries a record carries', () => {
  it('keeps the latest INCIDENT_LOG_TAIL, oldest first', () => {
    const log = [...Array(120).keys()].map((i) => entry(i));
    expect(latestLogEntries(log)).toEqual(log.slice(-INCIDENT_LOG_TAIL));
    expect(latestLogEntries(log.slice(0, 3))).toEqual(log.slice(0, 3));
  });

  it('keeps fewer when their text passes INCIDENT_LOG_TAIL_CHARS, but always the latest', () => {
    const log = [...Array(30).keys()].map((i) => entry(i, 10_000));
    const kept = latestLogEntries(log);
    expect(kept).toEqual(log.slice(-INCIDENT_LOG_TAIL_CHARS / 10_000));
    expect(latestLogEntries([entry(0), entry(1, INCIDENT_LOG_TAIL_CHARS + 1)])).toEqual([
      entry(1, INCIDENT_LOG_TAIL_CHARS + 1),
    ]);
  });

  it('counts every entry appended, and reads a record without a count as its whole log', () => {
    let x = { log: [] as LogEntry[] } as { log: LogEntry[]; logCount?: number };
    expect(logCountOf(x)).toBe(0);
    for (let i = 0; i < 60; i++) x = withLogEntries(x, [entry(i)]);
    expect([x.logCount, x.log.length, firstCarriedLogNumber(x)]).toEqual([60, 50, 10]);
    expect(logCountOf({ log: [entry(0), entry(1)] })).toBe(2);
  });
});
