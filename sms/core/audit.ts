import type { NewAuditRecord } from '../storage/storage';
import type { Actor } from './ports';

/** Characters of a command's payload an audit record keeps when the command ran (`ok`). */
export const AUDIT_DETAIL_MAX = 20_000;
/**
 * Characters kept of a refused command's payload: enough to see what was tried, while anyone
 * signed in can send refused commands at the rate limit, and each used to store 20,000.
 */
export const AUDIT_REFUSED_DETAIL_MAX = 2_000;

/**
 * An audit record of one action by `actor` (who, what, when, on what, with what outcome). The
 * payload is kept as JSON in `detail`, cut short (ending in `…`) past `AUDIT_DETAIL_MAX`
 * characters, or `AUDIT_REFUSED_DETAIL_MAX` for any outcome but `ok`.
 */
export function auditRecord(
  at: number,
  actor: Actor,
  action: string,
  payload: unknown,
  result: unknown,
  outcome: string,
  reason: string | null,
): NewAuditRecord {
  return {
    at: new Date(at).toISOString(),
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    action: action.slice(0, 100),
    targetId: targetOf(payload, result),
    result: outcome,
    reason: reason === null ? null : reason.slice(0, 1_000),
    detail:
      payload === undefined
        ? ''
        : truncate(JSON.stringify(payload) ?? '', outcome === 'ok' ? AUDIT_DETAIL_MAX : AUDIT_REFUSED_DETAIL_MAX),
  };
}

/** A command's stated reason (camera views), kept in the audit record's own column. */
export function reasonOf(payload: unknown): string | null {
  const reason = (payload as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : null;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The record a command is about: the id it names, or the one it created. */
function targetOf(payload: unknown, result: unknown): string | null {
  for (const source of [payload, result]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const key of ['overlayId', 'presetId', 'incidentId', 'unitId', 'alertId', 'cameraId', 'wallId']) {
      const v = (source as Record<string, unknown>)[key];
      if (typeof v === 'string') return v.slice(0, 100);
    }
    for (const key of ['incident', 'overlay', 'preset']) {
      const id = (source as Record<string, { id?: unknown } | undefined>)[key]?.id;
      if (typeof id === 'string') return id;
    }
  }
  return null;
}
