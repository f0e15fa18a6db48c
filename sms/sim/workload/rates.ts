import type { IncidentType } from '../../../shared/protocol';
import type { LocalTime } from './localTime';

/** Relative activity by local hour (0–23); normalised so that a day averages 1. */
type HourProfile = readonly number[];

function profile(weights: readonly number[]): HourProfile {
  if (weights.length !== 24) throw new Error('an hour profile has 24 weights');
  const mean = weights.reduce((s, w) => s + w, 0) / 24;
  return weights.map((w) => w / mean);
}

function mix(a: HourProfile, b: HourProfile, share: number): HourProfile {
  return profile(a.map((w, h) => w * (1 - share) + (b[h] ?? 0) * share));
}

/**
 * The City's rhythms: half a million workers by day and almost nobody at night, a commuter
 * peak, shops, a Thursday–Friday night-time economy, daytime protests.
 */
export const PROFILES = {
  office: profile([
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2, 1.8, 1.5, 1.6, 2, 1.8, 1.5, 1.5, 1.7, 2, 1.6, 1.2, 1, 0.8, 0.5, 0.3,
  ]),
  nightEconomy: profile([
    2.5, 2, 1.2, 0.6, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.3, 0.3, 0.3, 0.5, 1, 1.8, 2.5, 3, 3.2, 3.2, 3,
  ]),
  shops: profile([0, 0, 0, 0, 0, 0, 0.2, 1, 1.5, 1.5, 1.5, 1.8, 2, 2, 1.8, 1.6, 1.8, 2, 1.5, 1, 0.6, 0.3, 0, 0]),
  commute: profile([
    0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 1, 2.5, 3, 1.8, 1.2, 1.2, 1.3, 1.3, 1.3, 1.5, 2, 2.8, 2.5, 1.5, 1, 0.8, 0.6, 0.4,
  ]),
  night: profile([
    2, 2, 2, 2, 1.5, 1, 0.8, 0.8, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.8, 1, 1.2, 1.5, 1.8, 2, 2,
  ]),
  protest: profile([0, 0, 0, 0, 0, 0, 0, 0.2, 0.5, 1, 2, 3, 3, 3, 2.5, 2, 1.5, 1, 0.5, 0.2, 0, 0, 0, 0]),
  flat: profile(Array.from({ length: 24 }, () => 1)),
} as const;

const streetLife = mix(PROFILES.office, PROFILES.nightEconomy, 0.5);

/** How a profile's activity shifts by weekday: the City empties at weekends; its bars peak Thursday and Friday. */
function weekdayFactor(p: HourProfile, weekday: number): number {
  const weekend = weekday === 0 || weekday === 6;
  if (p === PROFILES.nightEconomy) return weekend ? 0.5 : weekday === 4 || weekday === 5 ? 1.4 : 0.9;
  if (p === PROFILES.flat || p === PROFILES.night) return 1;
  return weekend ? 0.4 : 1.1;
}

/** A workload stream: so many a day on average, shaped by an hour profile. */
export interface Rate {
  perDay: number;
  profile: HourProfile;
}

/**
 * Incidents a day by type, after the policing plan's workload (seeds/004: neighbourhood crime
 * and ASB, night-time-economy violence, 76 protests a year, vulnerable people on the bridges,
 * terrorism, fraud). About 110 a day, of which about 20 Grade 1.
 */
export const INCIDENT_RATES: Readonly<Record<IncidentType, Rate>> = {
  anti_social_behaviour: { perDay: 16, profile: streetLife },
  theft: { perDay: 20, profile: streetLife },
  shoplifting: { perDay: 12, profile: PROFILES.shops },
  robbery: { perDay: 1.5, profile: PROFILES.nightEconomy },
  violence_night_time_economy: { perDay: 9, profile: PROFILES.nightEconomy },
  public_order: { perDay: 2, profile: PROFILES.nightEconomy },
  protest: { perDay: 0.5, profile: PROFILES.protest },
  suspicious_item: { perDay: 7, profile: PROFILES.office },
  suspected_firearm: { perDay: 0.1, profile: PROFILES.flat },
  terrorism_concern: { perDay: 0.3, profile: PROFILES.office },
  vulnerable_person_bridge: { perDay: 2.5, profile: PROFILES.night },
  concern_for_welfare: { perDay: 10, profile: PROFILES.flat },
  missing_person: { perDay: 1.2, profile: PROFILES.flat },
  road_traffic_collision: { perDay: 5, profile: PROFILES.commute },
  premises_alarm: { perDay: 9, profile: PROFILES.night },
  burglary: { perDay: 2.5, profile: PROFILES.night },
  hate_crime: { perDay: 1.5, profile: streetLife },
  cyber_fraud_report: { perDay: 8, profile: PROFILES.office },
};

/** Alerts and equipment events a day, by kind of source. */
export const ALERT_RATES = {
  videoAnalytics: { perDay: 48, profile: PROFILES.office },
  servicePointCall: { perDay: 10, profile: streetLife },
  anpr: { perDay: 24, profile: PROFILES.commute },
  premisesAlarm: { perDay: 12, profile: PROFILES.night },
  emergencyButton: { perDay: 0.4, profile: PROFILES.nightEconomy },
  cameraFault: { perDay: 4, profile: PROFILES.flat },
  unitBreak: { perDay: 24, profile: PROFILES.flat },
} as const satisfies Record<string, Rate>;

const DAY_MS = 24 * 3_600_000;

/** Expected events in `dtMs` at local time `at` (a Poisson mean). */
export function expectedCount(rate: Rate, at: LocalTime, dtMs: number): number {
  return ((rate.perDay * (rate.profile[at.hour] ?? 1) * weekdayFactor(rate.profile, at.weekday)) / DAY_MS) * dtMs;
}
