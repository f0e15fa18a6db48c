import type { Camera } from '../../../shared/protocol';
import { bearingDifference, camerasSeeing, fovRing, pathMetres } from './fov';

function camera(over: Partial<Camera> & Pick<Camera, 'id'>): Camera {
  return {
    name: over.id,
    owner: 'city_police',
    position: { lon: -0.09, lat: 51.515 },
    bearing: 0,
    fov: 60,
    range: 100,
    ptz: false,
    ptzState: null,
    online: true,
    streams: {
      main: { url: '/hls/x/main.m3u8', codec: 'avc1.64001f', width: 1920, height: 1080 },
      sub: { url: '/hls/x/sub.m3u8', codec: 'avc1.64001f', width: 640, height: 360 },
    },
    ...over,
  };
}

// About 50 m north and 50 m east of the cameras' position.
const north = { lon: -0.09, lat: 51.515 + 50 / 111_200 };
const east = { lon: -0.09 + 50 / 69_400, lat: 51.515 };

describe('fovRing', () => {
  it('is a closed ring from the camera out to the range and back', () => {
    const ring = fovRing(camera({ id: 'c1' }), 8);
    expect(ring[0]).toEqual([-0.09, 51.515]);
    expect(ring.at(-1)).toEqual(ring[0]);
    expect(ring).toHaveLength(11);
    // The middle of the arc lies due north, 100 m away.
    const mid = ring[5]!;
    expect(mid[0]).toBeCloseTo(-0.09, 6);
    expect((mid[1] - 51.515) * 111_200).toBeCloseTo(100, -1);
  });

  it('follows the live PTZ pan rather than the installed bearing', () => {
    const ring = fovRing(camera({ id: 'c1', ptz: true, ptzState: { pan: 90, tilt: 0, zoom: 1 } }), 2);
    expect(ring[2]![0]).toBeGreaterThan(-0.09);
    expect(ring[2]![1]).toBeCloseTo(51.515, 5);
  });
});

describe('camerasSeeing', () => {
  const cameras = [
    camera({ id: 'north-facing' }),
    camera({ id: 'east-facing', bearing: 90 }),
    camera({ id: 'short', range: 20 }),
    camera({ id: 'offline', online: false }),
    camera({ id: 'dome', fov: 360, range: 60 }),
    camera({ id: 'ptz-east', bearing: 0, ptz: true, ptzState: { pan: 90, tilt: 0, zoom: 1 } }),
    camera({ id: 'far', position: { lon: -0.08, lat: 51.515 } }),
  ];

  it('lists online cameras whose range and field of view cover the point', () => {
    expect(camerasSeeing(north, cameras).map((s) => s.camera.id)).toEqual(['north-facing', 'dome']);
    expect(camerasSeeing(east, cameras).map((s) => s.camera.id)).toEqual(['east-facing', 'dome', 'ptz-east']);
  });

  it('sorts by distance and reports it in metres', () => {
    const near = camera({ id: 'near', position: { lon: -0.09, lat: 51.515 + 30 / 111_200 } });
    const seen = camerasSeeing(north, [cameras[0]!, near]);
    expect(seen.map((s) => s.camera.id)).toEqual(['near', 'north-facing']);
    expect(seen[1]!.distanceM).toBeCloseTo(50, 0);
  });
});

describe('bearings and distances', () => {
  it('measures the short way round', () => {
    expect(bearingDifference(350, 10)).toBe(20);
    expect(bearingDifference(90, 270)).toBe(180);
  });

  it('sums a path', () => {
    expect(pathMetres([{ lon: -0.09, lat: 51.515 }, north, { lon: -0.09, lat: 51.515 }])).toBeCloseTo(100, 0);
  });
});
