import type { Incident } from '../protocol/entities';
import { DEFAULT_GRADE_TARGETS, msToTarget, type GradeTargets } from './grades';

/** `m:ss` or `h:mm:ss` for a positive duration in milliseconds (rounded down to the second). */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** How an incident's attendance clock reads now, in words a person reads aloud. */
export type TargetClock =
  | { state: 'none'; text: string }
  | { state: 'running'; msLeft: number; text: string; warning: boolean }
  | { state: 'breached'; msOver: number; text: string };

/** Under this much time left, the countdown warns (amber) before it breaches. */
export const WARNING_MS = 3 * 60_000;

/** The live countdown to an incident's attendance target, turning into a breach counter. */
export function targetClock(
  incident: Pick<Incident, 'grade' | 'createdAt' | 'status'>,
  nowMs: number,
  targets: GradeTargets = DEFAULT_GRADE_TARGETS,
): TargetClock {
  const left = msToTarget(incident, nowMs, targets);
  if (left === null) {
    const text = incident.status === 'on_scene' ? 'attended' : incident.status === 'closed' ? 'closed' : 'no target';
    return { state: 'none', text };
  }
  if (left < 0) return { state: 'breached', msOver: -left, text: `BREACH +${formatDuration(-left)}` };
  return { state: 'running', msLeft: left, text: formatDuration(left), warning: left <= WARNING_MS };
}

/** Age of an incident or alert since `sinceIso`. */
export function ageText(sinceIso: string, nowMs: number): string {
  return formatDuration(nowMs - Date.parse(sinceIso));
}
