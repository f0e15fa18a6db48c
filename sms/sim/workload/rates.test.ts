import { suggestedGrade } from '../../../shared/domain/incidentTypes';
import type { IncidentType } from '../../../shared/protocol';
import { ALERT_RATES, INCIDENT_RATES, PROFILES, expectedCount } from './rates';

const HOUR = 3_600_000;
const tuesday = (hour: number) => ({ hour, weekday: 2 });

describe('workload rates', () => {
  it('puts night-time-economy violence late on a Friday rather than on a Tuesday morning', () => {
    const rate = INCIDENT_RATES.violence_night_time_economy;
    expect(expectedCount(rate, { hour: 23, weekday: 5 }, HOUR)).toBeGreaterThan(
      10 * expectedCount(rate, tuesday(9), HOUR),
    );
  });

  it('has no shoplifting while the shops are shut', () => {
    expect(expectedCount(INCIDENT_RATES.shoplifting, tuesday(3), HOUR)).toBe(0);
  });

  it('spreads a flat rate evenly so that a day adds up to the daily figure', () => {
    const day = Array.from({ length: 24 }, (_, h) => expectedCount(ALERT_RATES.cameraFault, tuesday(h), HOUR));
    expect(day.reduce((s, x) => s + x, 0)).toBeCloseTo(ALERT_RATES.cameraFault.perDay, 6);
  });

  it('normalises every hour profile to a mean of one', () => {
    for (const p of Object.values(PROFILES)) expect(p.reduce((s, x) => s + x, 0) / 24).toBeCloseTo(1, 9);
  });

  it('expects a dozen or more Grade 1 incidents on a weekday', () => {
    let grade1 = 0;
    for (const [type, rate] of Object.entries(INCIDENT_RATES)) {
      if (suggestedGrade(type as IncidentType) !== 1) continue;
      for (let h = 0; h < 24; h++) grade1 += expectedCount(rate, tuesday(h), HOUR);
    }
    expect(grade1).toBeGreaterThan(12);
  });
});
