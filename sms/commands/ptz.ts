import type { Camera, PtzState } from '../../shared/protocol';

/**
 * The simulated cameras' stored presets: preset n looks along compass point n (N, NE, E…), tilted
 * slightly down at the widest zoom. Real cameras store their own; the command shape is the same.
 */
export function presetState(preset: number): PtzState {
  return { pan: ((preset - 1) * 45) % 360, tilt: -10, zoom: 1 };
}

/** The camera after a PTZ move: `bearing` follows the pan so the map's field-of-view cone turns with it. */
export function moved(camera: Camera, target: Partial<PtzState>): Camera {
  const from: PtzState = camera.ptzState ?? { pan: camera.bearing, tilt: 0, zoom: 1 };
  const ptzState: PtzState = {
    pan: target.pan ?? from.pan,
    tilt: target.tilt ?? from.tilt,
    zoom: target.zoom ?? from.zoom,
  };
  return { ...camera, ptzState, bearing: ptzState.pan };
}
