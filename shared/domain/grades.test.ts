import { DEFAULT_GRADE_TARGETS, isBreached, msToTarget } from './grades';

const created = '2026-11-25T10:00:00.000Z';
const t0 = Date.parse(created);

describe('attendance targets', () => {
  it('gives a Grade 1 incident 15 minutes by default', () => {
    expect(msToTarget({ grade: 1, createdAt: created, status: 'open' }, t0)).toBe(15 * 60_000);
  });

  it('counts down and goes negative once breached', () => {
    const incident = { grade: 2, createdAt: created, status: 'dispatched' } as const;
    expect(msToTarget(incident, t0 + 59 * 60_000)).toBe(60_000);
    expect(isBreached(incident, t0 + 59 * 60_000)).toBe(false);
    expect(isBreached(incident, t0 + 61 * 60_000)).toBe(true);
  });

  it('has no target for Grades 3 and 4', () => {
    expect(msToTarget({ grade: 3, createdAt: created, status: 'open' }, t0)).toBeNull();
    expect(msToTarget({ grade: 4, createdAt: created, status: 'open' }, t0)).toBeNull();
  });

  it('stops the clock once a unit is on scene or the incident is closed', () => {
    expect(msToTarget({ grade: 1, createdAt: created, status: 'on_scene' }, t0 + 3600_000)).toBeNull();
    expect(isBreached({ grade: 1, createdAt: created, status: 'closed' }, t0 + 3600_000)).toBe(false);
  });

  it('honours configured targets', () => {
    const targets = { ...DEFAULT_GRADE_TARGETS, 1: 10 };
    expect(msToTarget({ grade: 1, createdAt: created, status: 'open' }, t0, targets)).toBe(10 * 60_000);
  });
});
