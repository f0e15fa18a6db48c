import { useEffect } from 'react';
import type { LiveMap } from '../useLiveMap';
import { INCIDENT_PULSE_LAYER } from './liveLayers';

const PERIOD_MS = 1_600;
/** Each step repaints the map, which is costly with software GL: four a second, no faster. */
const STEP_MS = 250;

/** The pulse ring's radius and opacity at time `nowMs`: it grows and fades once a period. */
export function pulsePaint(nowMs: number): { radius: number; opacity: number } {
  const phase = (nowMs % PERIOD_MS) / PERIOD_MS;
  return { radius: 12 + 12 * phase, opacity: 0.5 * (1 - phase) };
}

/** Grade 1 incidents pulse: one paint property stepped a few times a second. */
export function useIncidentPulse({ mapRef, styleReady }: LiveMap): void {
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    const timer = setInterval(() => {
      if (!map.getLayer(INCIDENT_PULSE_LAYER)) return;
      const { radius, opacity } = pulsePaint(Date.now());
      map.setPaintProperty(INCIDENT_PULSE_LAYER, 'circle-radius', radius);
      map.setPaintProperty(INCIDENT_PULSE_LAYER, 'circle-opacity', opacity);
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [mapRef, styleReady]);
}
