import type { LocalTime } from './localTime';
import { ALERT_RATES, INCIDENT_RATES, expectedCount, type Rate } from './rates';

/**
 * How much faster than the real City the demo room gets its work. The workload model is true to
 * the City (about 110 incidents a day), which means one new incident or alert every four
 * minutes at the evening peak and one every twenty at 04:00: a newcomer signing in would watch
 * an idle room. The demo multiplies the model, keeping its hourly rhythm, and lifts quiet hours
 * to a floor, so that something new arrives every minute or two at any hour.
 */
export interface DemoPace {
  /** The model's rates are multiplied by this at every hour. */
  multiplier: number;
  /** New incidents and alerts a minute (simulated) that no hour falls below. */
  floorPerMinute: number;
}

/** The pace of `--demo` with the simulator (stated in README.md). */
export const DEMO_PACE: DemoPace = { multiplier: 2.5, floorPerMinute: 0.4 };

/** The alert streams a room sees arrive (camera faults and refreshment breaks are not arrivals). */
export const ARRIVING_ALERTS = [
  'videoAnalytics',
  'servicePointCall',
  'anpr',
  'premisesAlarm',
  'emergencyButton',
] as const satisfies readonly (keyof typeof ALERT_RATES)[];

const MINUTE = 60_000;
const ARRIVAL_RATES: readonly Rate[] = [
  ...Object.values(INCIDENT_RATES),
  ...ARRIVING_ALERTS.map((k) => ALERT_RATES[k]),
];

/** New incidents and alerts a minute the workload model expects at a local time. */
export function modelArrivalsPerMinute(at: LocalTime): number {
  return ARRIVAL_RATES.reduce((sum, rate) => sum + expectedCount(rate, at, MINUTE), 0);
}

/** What the model's arrival rates are multiplied by at a local time (1 without a pace). */
export function paceFactor(pace: DemoPace | undefined, at: LocalTime): number {
  if (!pace) return 1;
  const model = modelArrivalsPerMinute(at);
  const floor = model > 0 ? pace.floorPerMinute / model : 1;
  return Math.max(pace.multiplier, floor);
}
