import { aCamera, aSnapshot, anIncident } from '../../test/support/records';
import { BOARD_LIMIT, WALL_CAMERAS, boardRows, camerasFor } from './incidentBoard';

describe('incident board rows', () => {
  it('lists open incidents, most urgent grade first and oldest first within a grade', () => {
    const snapshot = aSnapshot({
      incidents: [
        anIncident({ id: 'a', grade: 2, createdAt: '2026-11-25T01:00:00.000Z' }),
        anIncident({ id: 'b', grade: 1, createdAt: '2026-11-25T01:05:00.000Z' }),
        anIncident({ id: 'c', grade: 2, createdAt: '2026-11-25T00:30:00.000Z' }),
        anIncident({ id: 'd', grade: 1, status: 'closed' }),
      ],
    });
    expect(boardRows(snapshot).incidents.map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });

  it('names the place by address, else ward, else coordinates', () => {
    const rows = boardRows(
      aSnapshot({
        incidents: [
          anIncident({ id: 'a', location: { lon: -0.09, lat: 51.51, address: '1 Poultry' } }),
          anIncident({ id: 'b', location: { lon: -0.09, lat: 51.51, ward: 'Cheap' } }),
          anIncident({ id: 'c', location: { lon: -0.091234, lat: 51.512345 } }),
        ],
      }),
    ).incidents;
    expect(rows.map((r) => r.place)).toEqual(['1 Poultry', 'Cheap', '51.51235, -0.09123']);
  });

  it('shows a glance, not the whole queue', () => {
    const incidents = Array.from({ length: BOARD_LIMIT + 5 }, (_, n) => anIncident({ id: `i${n}` }));
    expect(boardRows(aSnapshot({ incidents })).incidents).toHaveLength(BOARD_LIMIT);
  });
});

describe('cameras for the wall', () => {
  const at = { lon: -0.0886, lat: 51.5133 };
  // About 70 m per 0.001° of longitude here, 111 m per 0.001° of latitude.
  const near = aCamera({ id: 'near', position: { lon: -0.0876, lat: 51.5133 }, online: true });
  const nearer = aCamera({ id: 'nearer', position: { lon: -0.0881, lat: 51.5133 }, online: true });
  const offline = aCamera({ id: 'offline', position: at, online: false });
  const far = aCamera({ id: 'far', position: { lon: -0.0786, lat: 51.5133 }, online: true });

  it('offers the attached cameras first, then the nearest online ones close by', () => {
    const incident = anIncident({ location: at, cameraIds: ['attached'] });
    expect(camerasFor(incident, [far, near, offline, nearer])).toEqual(['attached', 'nearer', 'near']);
  });

  it("offers no more than a wall layout's worth", () => {
    const many = Array.from({ length: 10 }, (_, n) => aCamera({ id: `c${n}`, position: at, online: true }));
    expect(camerasFor(anIncident({ location: at, cameraIds: [] }), many)).toHaveLength(WALL_CAMERAS);
  });
});
