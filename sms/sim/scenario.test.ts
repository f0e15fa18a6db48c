import { CameraSchema, ServicePointSchema, UnitSchema } from '../../shared/protocol';
import { STREAM_PROFILES } from '../video/profiles';
import { createScenario } from './scenario';
import { Streets } from './streets/streets';

const world = createScenario({ seed: 42 });
const streets = Streets.load();
const count = <T>(items: readonly T[], key: (t: T) => string) =>
  items.reduce<Record<string, number>>((m, t) => ({ ...m, [key(t)]: (m[key(t)] ?? 0) + 1 }), {});

describe('createScenario', () => {
  it('is deterministic for a seed', () => {
    expect(createScenario({ seed: 42 })).toEqual(world);
  });

  it('places units differently for another seed', () => {
    expect(createScenario({ seed: 43 }).units).not.toEqual(world.units);
  });

  it('keeps the cameras and service points whatever the seed', () => {
    const other = createScenario({ seed: 43 });
    expect([other.cameras, other.servicePoints]).toEqual([world.cameras, world.servicePoints]);
  });

  it('produces records valid under the protocol schemas', () => {
    for (const u of world.units) UnitSchema.parse(u);
    for (const c of world.cameras) CameraSchema.parse(c);
    for (const s of world.servicePoints) ServicePointSchema.parse(s);
  });
});

describe('the fleet', () => {
  it('has 40 units of every kind by default', () => {
    expect(world.units).toHaveLength(40);
    expect(Object.keys(count(world.units, (u) => u.kind)).sort()).toEqual(
      ['armed_response', 'car', 'cycle', 'dog', 'foot', 'project_servator', 'public_order', 'van'].sort(),
    );
  });

  it('gives each kind its skills', () => {
    const expected = {
      armed_response: 'firearms',
      dog: 'dog_handler',
      public_order: 'public_order',
      project_servator: 'servator',
      car: 'response_driver',
    } as const;
    for (const u of world.units) {
      const skill = expected[u.kind as keyof typeof expected];
      if (skill) expect(u.skills).toContain(skill);
    }
  });

  it('gives response cars first aid', () => {
    for (const u of world.units.filter((u) => u.kind === 'car')) expect(u.skills).toContain('first_aid');
  });

  it('keeps units mostly available with a few busy or off duty', () => {
    expect(count(world.units, (u) => u.status)).toEqual({ available: 36, busy: 2, off_duty: 2 });
  });

  it('puts every unit on the street network', () => {
    for (const u of world.units) expect(streets.snap(u.position.lon, u.position.lat).distance).toBeLessThan(1);
  });

  it('keeps vehicles off pedestrian streets', () => {
    for (const u of world.units.filter((u) => !['foot', 'project_servator'].includes(u.kind))) {
      expect(streets.snap(u.position.lon, u.position.lat, 'vehicle').distance).toBeLessThan(1);
    }
  });

  it('gives unique ids and callsigns', () => {
    expect(new Set(world.units.map((u) => u.id)).size).toBe(40);
    expect(new Set(world.units.map((u) => u.callsign)).size).toBe(40);
  });

  it('scales to a load-test fleet with the same mix', () => {
    const big = createScenario({ seed: 1, units: 4000 });
    expect(count(big.units, (u) => u.kind)['foot']).toBe(1100);
  });
});

describe('the cameras', () => {
  it('has 60 cameras with stable ids', () => {
    expect(world.cameras.map((c) => c.id)).toEqual(
      Array.from({ length: 60 }, (_, i) => `cam-${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('names junction cameras after the two streets meeting there', () => {
    expect(world.cameras.map((c) => c.name)).toContain('Cheapside / Wood Street');
  });

  it('covers stations and bridges', () => {
    const names = world.cameras.map((c) => c.name).join('\n');
    expect(names).toMatch(/Liverpool Street Station/);
    expect(names).toMatch(/London Bridge \(north\)/);
  });

  it('has every owner', () => {
    expect(Object.keys(count(world.cameras, (c) => c.owner)).sort()).toEqual(
      ['city_police', 'corporation', 'tfl', 'third_party'].sort(),
    );
  });

  it('makes about a quarter PTZ, each with a pan matching its bearing', () => {
    const ptz = world.cameras.filter((c) => c.ptz);
    expect(ptz).toHaveLength(15);
    for (const c of ptz) expect(c.ptzState?.pan).toBe(c.bearing);
  });

  it('keeps fields of view and ranges plausible', () => {
    for (const c of world.cameras) {
      expect(c.fov).toBeGreaterThanOrEqual(50);
      expect(c.fov).toBeLessThanOrEqual(90);
      expect(c.range).toBeGreaterThanOrEqual(80);
      expect(c.range).toBeLessThanOrEqual(200);
    }
  });

  it('streams exactly three cameras in H.265 and the rest in H.264, all with a sub stream', () => {
    expect(count(world.cameras, (c) => c.streams.main.codec)).toEqual({
      [STREAM_PROFILES.mainH265.codec]: 3,
      [STREAM_PROFILES.mainH264.codec]: 57,
    });
    for (const c of world.cameras) expect(c.streams.sub.url).toBe(`/hls/${c.id}/sub.m3u8`);
  });

  it('puts every camera within a few metres of a street', () => {
    for (const c of world.cameras) expect(streets.snap(c.position.lon, c.position.lat).distance).toBeLessThan(2);
  });
});

describe('the Digital Service Points', () => {
  it('has 8 with stable ids and station names', () => {
    expect(world.servicePoints.map((s) => s.id)).toEqual(
      Array.from({ length: 8 }, (_, i) => `dsp-${String(i + 1).padStart(2, '0')}`),
    );
    expect(world.servicePoints[0]?.name).toBe('DSP Liverpool Street');
  });

  it('watches each with a camera less than 150 m away', () => {
    const ruler = streets.net.ruler;
    for (const s of world.servicePoints) {
      const cam = world.cameras.find((c) => c.id === s.cameraId)!;
      expect(ruler.distance([s.location.lon, s.location.lat], [cam.position.lon, cam.position.lat])).toBeLessThan(150);
    }
  });

  it('gives each an address and a ward', () => {
    for (const s of world.servicePoints) {
      expect(s.location.address).toBeTruthy();
      expect(s.location.ward).toBeTruthy();
    }
  });
});
