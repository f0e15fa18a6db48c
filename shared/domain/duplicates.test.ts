import { findDuplicates, similarTypes } from './duplicates';
import { T0, anIncident as incident, minutes } from '../../test/support/records';

const here = { lon: -0.0915, lat: 51.5133 };
/** About `m` metres north of `here`. */
const north = (m: number) => ({ lon: here.lon, lat: here.lat + m / 111_320 });
const at = (m: number) => new Date(T0 + minutes(m)).toISOString();

describe('duplicate detection', () => {
  it('treats types of one family as similar', () => {
    expect(similarTypes('robbery', 'violence_night_time_economy')).toBe(true);
    expect(similarTypes('suspicious_item', 'terrorism_concern')).toBe(true);
    expect(similarTypes('theft', 'vulnerable_person_bridge')).toBe(false);
  });

  it('finds open incidents of a similar type nearby and recent, closest and newest first', () => {
    const list = [
      incident({ id: 'near-same', ref: 'CAD-2026-000001', type: 'robbery', location: north(50), createdAt: at(-5) }),
      incident({
        id: 'near-family',
        ref: 'CAD-2026-000002',
        type: 'violence_night_time_economy',
        location: north(40),
        createdAt: at(-5),
      }),
      incident({ id: 'far', ref: 'CAD-2026-000003', type: 'robbery', location: north(900), createdAt: at(-5) }),
      incident({ id: 'old', ref: 'CAD-2026-000004', type: 'robbery', location: north(10), createdAt: at(-120) }),
      incident({ id: 'other', ref: 'CAD-2026-000005', type: 'cyber_fraud_report', location: here }),
      incident({ id: 'closed', ref: 'CAD-2026-000006', type: 'robbery', location: here, status: 'closed' }),
    ];
    const found = findDuplicates({ type: 'robbery', location: here, nowMs: T0 }, list);
    expect(found.map((d) => d.incident.id)).toEqual(['near-same', 'near-family']);
    expect(found[0]!.sameType).toBe(true);
    expect(found[1]!.sameType).toBe(false);
  });
});
