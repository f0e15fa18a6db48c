/// <reference types="geojson" />
import type { Alert, Camera, Incident, ServicePoint } from '../../../shared/protocol';
import { DEFAULT_GRADE_TARGETS, isBreached } from '../../../shared/domain/grades';
import { ALERT_PRIORITY_LABEL, spaced } from '../../../shared/domain/labels';
import { fovRing } from '../geometry/fov';
import { incidentIcon } from './icons';
import { GRADE_STYLE } from './symbology';

type Collection = GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>>;
const collection = (features: Collection['features']): Collection => ({ type: 'FeatureCollection', features });
const at = (lon: number, lat: number): GeoJSON.Point => ({ type: 'Point', coordinates: [lon, lat] });

/** Open incidents (closed ones leave the map), with grade, breach and label. */
export function incidentFeatures(incidents: readonly Incident[], nowMs: number): Collection {
  return collection(
    incidents
      .filter((i) => i.status !== 'closed')
      .map((i) => {
        const breached = isBreached(i, nowMs, DEFAULT_GRADE_TARGETS);
        return {
          type: 'Feature',
          geometry: at(i.location.lon, i.location.lat),
          properties: {
            id: i.id,
            ref: i.ref,
            grade: i.grade,
            breached,
            icon: incidentIcon(i.grade, breached),
            colour: GRADE_STYLE[i.grade].colour,
            label: breached ? `${i.ref} · TARGET BREACHED` : i.ref,
            createdMs: Date.parse(i.createdAt),
          },
        };
      }),
  );
}

/** Every incident created since `sinceMs` (closed ones too): the heat map's points. */
export function heatFeatures(incidents: readonly Incident[], sinceMs: number): Collection {
  return collection(
    incidents
      .filter((i) => Date.parse(i.createdAt) >= sinceMs)
      .map((i) => ({ type: 'Feature', geometry: at(i.location.lon, i.location.lat), properties: { grade: i.grade } })),
  );
}

export function cameraFeatures(cameras: readonly Camera[]): Collection {
  return collection(
    cameras.map((c) => ({
      type: 'Feature',
      geometry: at(c.position.lon, c.position.lat),
      properties: { id: c.id, name: c.name, online: c.online, icon: c.online ? 'camera-online' : 'camera-offline' },
    })),
  );
}

/** Field-of-view cones, from the live PTZ pan where there is one. */
export function fovFeatures(cameras: readonly Camera[]): Collection {
  return collection(
    cameras.map((c) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [fovRing(c)] },
      properties: { id: c.id, online: c.online },
    })),
  );
}

export function servicePointFeatures(points: readonly ServicePoint[]): Collection {
  return collection(
    points.map((p) => ({
      type: 'Feature',
      geometry: at(p.location.lon, p.location.lat),
      properties: { id: p.id, name: p.name, status: p.status, icon: `dsp-${p.status}` },
    })),
  );
}

const PRIORITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Alerts still to be handled (raised or acknowledged), most urgent drawn on top. */
export function alertFeatures(alerts: readonly Alert[]): Collection {
  return collection(
    alerts
      .filter((a) => a.status === 'raised' || a.status === 'acknowledged')
      .map((a) => ({
        type: 'Feature',
        geometry: at(a.location.lon, a.location.lat),
        properties: {
          id: a.id,
          priority: a.priority,
          rank: PRIORITY_RANK[a.priority],
          icon: `alert-${a.priority}`,
          label: `${ALERT_PRIORITY_LABEL[a.priority]} · ${spaced(a.kind)}`,
        },
      })),
  );
}
