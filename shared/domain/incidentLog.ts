import { INCIDENT_LOG_TAIL, INCIDENT_LOG_TAIL_CHARS, type Incident, type LogEntry } from '../protocol';

/** Entries an incident's log has in all: its `logCount`, or its `log`'s length from an SMS that sends no count. */
export function logCountOf(incident: Pick<Incident, 'log' | 'logCount'>): number {
  return incident.logCount ?? incident.log.length;
}

/** The number of the first entry the record carries (entries are numbered from 0, oldest first). */
export function firstCarriedLogNumber(incident: Pick<Incident, 'log' | 'logCount'>): number {
  return Math.max(0, logCountOf(incident) - incident.log.length);
}

/**
 * The entries of `log` a record carries: the latest `INCIDENT_LOG_TAIL`, fewer when their text
 * passes `INCIDENT_LOG_TAIL_CHARS` characters, and always the latest one.
 */
export function latestLogEntries<E extends Pick<LogEntry, 'text'>>(log: readonly E[]): E[] {
  let start = log.length;
  let chars = 0;
  while (start > 0 && log.length - start < INCIDENT_LOG_TAIL) {
    const next = chars + log[start - 1]!.text.length;
    if (next > INCIDENT_LOG_TAIL_CHARS && start < log.length) break;
    chars = next;
    start--;
  }
  return log.slice(start);
}

/** The incident with `entries` appended to its log: the latest entries carried, the count moved on. */
export function withLogEntries<I extends Pick<Incident, 'log' | 'logCount'>>(
  incident: I,
  entries: readonly LogEntry[],
): I {
  return {
    ...incident,
    log: latestLogEntries([...incident.log, ...entries]),
    logCount: logCountOf(incident) + entries.length,
  };
}
