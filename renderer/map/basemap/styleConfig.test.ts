import { chooseStyle, configuredStyleUrl } from './styleConfig';

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
const style = {
  version: 8,
  sources: { osm: { type: 'vector', url: 'pmtiles://city.pmtiles' } },
  layers: [{ id: 'bg', type: 'background' }],
};

describe('the configured basemap style', () => {
  it('reads the URL from the page query, then from map-config.json', async () => {
    const none = () => json({}, 404);
    expect(await configuredStyleUrl('http://app/index.html?mapStyle=styles/a.json', none)).toBe(
      'http://app/styles/a.json',
    );
    expect(await configuredStyleUrl('http://app/index.html', none)).toBeNull();
    const config = (url: string) =>
      url === 'http://app/map-config.json' ? json({ styleUrl: 'http://gis/s.json' }) : none();
    expect(await configuredStyleUrl('http://app/index.html', config)).toBe('http://gis/s.json');
    expect(await configuredStyleUrl('http://app/index.html', () => json({ styleUrl: 'not a url' }))).toBeNull();
  });

  it('uses the bundled basemap silently when nothing is configured', async () => {
    expect(await chooseStyle(null, () => json(style))).toEqual({ kind: 'bundled', notice: null });
  });

  it('uses a valid configured style', async () => {
    expect(await chooseStyle('http://gis/s.json', () => json(style))).toMatchObject({ kind: 'external' });
  });

  it('falls back with a message when the style is broken or unreachable', async () => {
    const broken = await chooseStyle('http://gis/s.json', () => json({ version: 7, layers: [] }));
    expect(broken).toMatchObject({ kind: 'bundled', notice: expect.stringMatching(/not a valid maplibre style/) });
    const missing = await chooseStyle('http://gis/s.json', () => json({}, 404));
    expect(missing).toMatchObject({ notice: expect.stringMatching(/HTTP 404/) });
    const down = await chooseStyle('http://gis/s.json', () => Promise.reject(new TypeError('fetch failed')));
    expect(down).toMatchObject({ notice: expect.stringMatching(/unreachable/) });
  });
});
