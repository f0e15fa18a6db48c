import { fallbackOnError } from './styleFallback';
import type { StyleChoice } from './styleConfig';

const external: StyleChoice = {
  kind: 'external',
  url: 'https://gis.local/city.json',
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background' }] },
};

describe('fallbackOnError', () => {
  it('falls back to the bundled basemap when a configured style cannot load its data, saying why', () => {
    const fallback = fallbackOnError(external, { sourceId: 'streets', error: new Error('404') });
    expect(fallback?.choice).toEqual({ kind: 'bundled', notice: null });
    expect(fallback?.notice).toMatch(/https:\/\/gis\.local\/city\.json.*bundled City of London basemap/);
  });

  it('ignores errors that are not about a source, and any error of the bundled basemap', () => {
    expect(fallbackOnError(external, { error: new Error('sprite') })).toBeNull();
    expect(fallbackOnError({ kind: 'bundled', notice: null }, { sourceId: 'streets' })).toBeNull();
  });
});
