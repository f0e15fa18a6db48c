import type { Grade, Incident } from '../protocol/entities';

/** Attendance target per grade in minutes; `null` means none (by appointment, or no deployment). */
export type GradeTargets = Record<Grade, number | null>;

/** The room's default targets; a deployment may configure its own. */
export const DEFAULT_GRADE_TARGETS: GradeTargets = { 1: 15, 2: 60, 3: null, 4: null };

/**
 * Milliseconds left until the incident's attendance target, negative once breached;
 * `null` when its grade has no target or it no longer runs (a unit is on scene, or it is closed).
 */
export function msToTarget(
  incident: Pick<Incident, 'grade' | 'createdAt' | 'status'>,
  nowMs: number,
  targets: GradeTargets = DEFAULT_GRADE_TARGETS,
): number | null {
  const minutes = targets[incident.grade];
  if (minutes === null || incident.status === 'on_scene' || incident.status === 'closed') return null;
  return Date.parse(incident.createdAt) + minutes * 60_000 - nowMs;
}

/** Whether the incident has missed its attendance target (and is still waiting for attendance). */
export function isBreached(
  incident: Pick<Incident, 'grade' | 'createdAt' | 'status'>,
  nowMs: number,
  targets: GradeTargets = DEFAULT_GRADE_TARGETS,
): boolean {
  const left = msToTarget(incident, nowMs, targets);
  return left !== null && left < 0;
}
