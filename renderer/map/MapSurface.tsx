import { lazy, Suspense } from 'react';

// maplibre-gl and the bundled basemap are a chunk of their own, loaded with the map.
const MapView = lazy(() => import('./MapView'));

/**
 * Entry point of the Map surface, composed by renderer/app. No props: it reads the session,
 * the snapshot query, the connection's applied events and the workstation bus itself.
 */
export function MapSurface() {
  return (
    <section aria-label="Map" className="surface map-surface">
      <Suspense fallback={<p className="map-loading">Loading the map…</p>}>
        <MapView />
      </Suspense>
    </section>
  );
}
