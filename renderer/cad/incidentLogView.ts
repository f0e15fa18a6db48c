import { firstCarriedLogNumber, logCountOf } from '../../shared/domain/incidentLog';
import type { Incident, LogEntry, NumberedLogEntry } from '../../shared/protocol';

/** A log line as the detail shows it: its number in the whole log, and the entry. */
export interface ShownLogEntry {
  n: number;
  entry: LogEntry;
}

/**
 * The log lines to show, oldest first: earlier entries loaded from the SMS (`loaded`, any order,
 * possibly overlapping) and the latest ones the record carries (numbered from
 * `firstCarriedLogNumber`). The record wins where both have a number: it is the newer word,
 * and holds the pending lines laid over by the outbox.
 */
export function shownLog(
  incident: Pick<Incident, 'log' | 'logCount'>,
  loaded: readonly NumberedLogEntry[],
): ShownLogEntry[] {
  const first = firstCarriedLogNumber(incident);
  const byN = new Map<number, LogEntry>();
  for (const { n, ...entry } of loaded) if (n < first) byN.set(n, entry);
  incident.log.forEach((entry, i) => byN.set(first + i, entry));
  return [...byN.entries()].sort(([a], [b]) => a - b).map(([n, entry]) => ({ n, entry }));
}

/** Entries of the log the shown lines do not reach back to (0 once everything is loaded). */
export function entriesNotShown(incident: Pick<Incident, 'log' | 'logCount'>, shown: readonly ShownLogEntry[]): number {
  // Shown lines run without a gap down to the first one shown (the hook loads any gap).
  return shown.length === 0 ? logCountOf(incident) : shown[0]!.n;
}
