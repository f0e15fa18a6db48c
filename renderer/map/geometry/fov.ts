import { cityRuler as ruler, distanceMetres } from '../../../shared/geo/distance';
import type { Camera } from '../../../shared/protocol';

type LonLatPair = [number, number];

/** The camera's effective bearing: the live PTZ pan when it has one. */
export function cameraBearing(camera: Pick<Camera, 'bearing' | 'ptz' | 'ptzState'>): number {
  return camera.ptz && camera.ptzState ? camera.ptzState.pan : camera.bearing;
}

/**
 * The field-of-view cone of a camera as a closed GeoJSON ring: the camera, an arc of `range`
 * metres from `bearing - fov/2` to `bearing + fov/2`, back to the camera. A full-circle camera
 * (fov 360) gives a circle.
 */
export function fovRing(
  camera: Pick<Camera, 'position' | 'bearing' | 'fov' | 'range' | 'ptz' | 'ptzState'>,
  steps = 16,
): LonLatPair[] {
  const origin: LonLatPair = [camera.position.lon, camera.position.lat];
  const bearing = cameraBearing(camera);
  const fov = Math.min(camera.fov, 360);
  const start = bearing - fov / 2;
  const arc: LonLatPair[] = [];
  for (let i = 0; i <= steps; i++) {
    const p = ruler.destination(origin, camera.range, start + (fov * i) / steps);
    arc.push([p[0], p[1]]);
  }
  return fov >= 360 ? [...arc.slice(0, -1), arc[0] ?? origin] : [origin, ...arc, origin];
}

/** Smallest difference between two compass bearings, in degrees [0, 180]. */
export function bearingDifference(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
}

/** A camera that can see a point, and how far away the point is. */
export interface CameraSighting {
  camera: Camera;
  distanceM: number;
}

/**
 * The cameras that can see a point: online, within their range and inside their field of
 * view (PTZ cameras by their live pan), nearest first. A point on the camera itself counts.
 */
export function camerasSeeing(point: { lon: number; lat: number }, cameras: readonly Camera[]): CameraSighting[] {
  const target: LonLatPair = [point.lon, point.lat];
  const seen: CameraSighting[] = [];
  for (const camera of cameras) {
    if (!camera.online) continue;
    const origin: LonLatPair = [camera.position.lon, camera.position.lat];
    const distanceM = ruler.distance(origin, target);
    if (distanceM > camera.range) continue;
    if (distanceM > 0.5 && camera.fov < 360) {
      const toPoint = (ruler.bearing(origin, target) + 360) % 360;
      if (bearingDifference(toPoint, cameraBearing(camera)) > camera.fov / 2) continue;
    }
    seen.push({ camera, distanceM });
  }
  return seen.sort((a, b) => a.distanceM - b.distanceM);
}

/** Total length of a path in metres. */
export function pathMetres(points: readonly { lon: number; lat: number }[]): number {
  let total = 0;
  points.forEach((p, i) => {
    const previous = points[i - 1];
    if (previous) total += distanceMetres(previous, p);
  });
  return total;
}
