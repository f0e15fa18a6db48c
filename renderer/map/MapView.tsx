import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSession } from '../session/SessionContext';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { useSelection } from '../workstation/selection';
import { loadBasemapData } from './basemap/basemapData';
import type { MapTheme } from './basemap/basemapStyle';
import type { StyleChoice } from './basemap/styleConfig';
import { styleFor, useStyleChoice } from './basemap/useStyleChoice';
import { pathMetres } from './geometry/fov';
import { LAYER_GROUPS, type LayerGroup } from './live/liveLayers';
import { selectAlerts, selectCameras, selectIncidents, selectServicePoints } from './live/liveSnapshot';
import { useIncidentPulse } from './live/useIncidentPulse';
import {
  useAlertSource,
  useCameraSources,
  useGroupVisibility,
  useIncidentSources,
  useMeasureSource,
  useSelectionRing,
  useServicePointSource,
} from './live/useLiveSources';
import { selectedPosition } from './selectedPosition';
import { MapCard } from './ui/MapCard';
import { MapContextMenu, type ContextPoint } from './ui/MapContextMenu';
import { MapLegend } from './ui/MapLegend';
import { MapFinder } from './ui/MapFinder';
import { MapOverlays } from './overlays/MapOverlays';
import { MapSearch } from './ui/MapSearch';
import { buildPlaceIndex, type Place } from '../../shared/geo/placeIndex';
import { useFollowUnit } from './useFollowUnit';
import { useLiveMap } from './useLiveMap';
import { useMapClicks } from './useMapClicks';
import './map.css';

const HEAT_PERIODS = { '1h': 3_600_000, '24h': 86_400_000, '7d': 604_800_000 } as const;
type HeatPeriod = keyof typeof HEAT_PERIODS;

const ALL_GROUPS = Object.keys(LAYER_GROUPS) as LayerGroup[];

/**
 * The live map itself: basemap, live layers, and the operator's tools around it. The maps are
 * built by useLiveMap; each source family, the pulse, clicks and following have a hook of their own.
 */
export default function MapView() {
  const { smsUrl, token } = useSession();
  const containerRef = useRef<HTMLDivElement>(null);
  const basemapRef = useRef<HTMLDivElement>(null);
  const unitDotsRef = useRef<HTMLDivElement>(null);
  const drawingRef = useRef(false);
  const [theme, setTheme] = useState<MapTheme>('dark');
  // Read when the maps are (re)created, without recreating them on every theme change.
  const themeRef = useRef(theme);
  const { choice, notice, dismissNotice, onBasemapError } = useStyleChoice();
  const [visible, setVisible] = useState<Record<LayerGroup, boolean>>(
    () => Object.fromEntries(ALL_GROUPS.map((g) => [g, g !== 'heat'])) as Record<LayerGroup, boolean>,
  );
  const [heatPeriod, setHeatPeriod] = useState<HeatPeriod>('24h');
  const [menu, setMenu] = useState<ContextPoint | null>(null);
  const [measuring, setMeasuring] = useState<[number, number][] | null>(null);
  const basemap = useMemo(() => loadBasemapData(), []);
  const places = useMemo<Place[]>(
    () =>
      buildPlaceIndex({
        streets: basemap.streets,
        pois: basemap.pois,
        wards: basemap.wards,
        stations: basemap.stations,
      }),
    [basemap],
  );
  const selection = useSelection();
  const incidents = useSnapshotSelect(smsUrl, token, selectIncidents);
  const cameras = useSnapshotSelect(smsUrl, token, selectCameras);
  const alerts = useSnapshotSelect(smsUrl, token, selectAlerts);
  const servicePoints = useSnapshotSelect(smsUrl, token, selectServicePoints);
  const entities = useMemo(
    () => ({ incidents, cameras, alerts, servicePoints }),
    [incidents, cameras, alerts, servicePoints],
  );

  const basemapStyleFor = useCallback((c: StyleChoice) => styleFor(c, basemap, themeRef.current), [basemap]);
  const live = useLiveMap({ containerRef, basemapRef, unitDotsRef, choice, styleFor: basemapStyleFor, onBasemapError });
  const { mapRef, underlayRef, unitsRef, styleReady } = live;

  useIncidentSources(live, incidents, HEAT_PERIODS[heatPeriod]);
  useCameraSources(live, cameras);
  useAlertSource(live, alerts);
  useServicePointSource(live, servicePoints);
  useGroupVisibility(live, visible);
  useIncidentPulse(live);
  // The selection ring follows the workstation's selection (from any window).
  const locateSelection = useCallback(
    () => selectedPosition(selection, entities, unitsRef.current),
    [selection, entities, unitsRef],
  );
  useSelectionRing(live, locateSelection);
  useMeasureSource(live, measuring);
  useMapClicks(live, { measuring, onMeasure: setMeasuring, drawingRef, onMenu: setMenu });
  const [following, follow] = useFollowUnit(live);

  // Theme: a new basemap style under the same live map.
  const switchTheme = (next: MapTheme) => {
    setTheme(next);
    themeRef.current = next;
    if (choice && choice.kind === 'bundled') underlayRef.current?.map.setStyle(styleFor(choice, basemap, next));
  };

  const flyTo = (place: Place) => {
    const map = mapRef.current;
    if (!map) return;
    const [w, s, e, n] = place.bounds;
    if (e - w < 0.0005 && n - s < 0.0005) map.flyTo({ center: place.center, zoom: 17 });
    else map.fitBounds([w, s, e, n], { padding: 80, maxZoom: 17 });
  };

  const fitIncident = (incidentId: string) => {
    const map = mapRef.current;
    const incident = incidents?.find((i) => i.id === incidentId);
    if (!map || !incident) return;
    const points: [number, number][] = [[incident.location.lon, incident.location.lat]];
    for (const unitId of incident.unitIds) {
      const p = unitsRef.current?.position(unitId);
      if (p) points.push(p);
    }
    const bounds = new maplibregl.LngLatBounds(points[0], points[0]);
    for (const p of points) bounds.extend(p);
    map.fitBounds(bounds, { padding: 120, maxZoom: 17 });
  };

  const measured = measuring && measuring.length > 1 ? pathMetres(measuring.map(([lon, lat]) => ({ lon, lat }))) : null;

  return (
    <div className="map-view" data-theme={theme}>
      <div className="map-tools" role="toolbar" aria-label="Map tools">
        <MapSearch places={places} onChoose={flyTo} />
        <button
          type="button"
          onClick={() => switchTheme(theme === 'dark' ? 'light' : 'dark')}
          disabled={choice?.kind === 'external'}
        >
          {theme === 'dark' ? 'Light map' : 'Dark map'}
        </button>
        <button type="button" aria-pressed={measuring !== null} onClick={() => setMeasuring(measuring ? null : [])}>
          {measuring ? 'Stop measuring' : 'Measure distance'}
        </button>
        {measuring && (
          <output className="map-tools__measure" aria-live="polite">
            {measured === null ? 'Click points on the map' : formatDistance(measured)}
          </output>
        )}
      </div>
      {notice && (
        <p className="map-notice" role="status">
          {notice}{' '}
          <button type="button" onClick={dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
      <div
        className="map-canvas"
        role="region"
        aria-label="Map of the City of London: arrow keys pan, plus and minus zoom"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setMenu(null);
            setMeasuring(null);
          }
          if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
            const map = mapRef.current;
            if (!map) return;
            e.preventDefault();
            const c = map.getCenter();
            const p = map.project(c);
            setMenu({ lon: c.lng, lat: c.lat, x: p.x, y: p.y });
          }
        }}
      >
        <div ref={basemapRef} className="map-canvas__layer map-canvas__basemap" />
        <div ref={unitDotsRef} className="map-canvas__layer map-canvas__units" />
        <div ref={containerRef} className="map-canvas__layer map-canvas__live" />
      </div>
      {menu && cameras && (
        <MapContextMenu key={`${menu.lon},${menu.lat}`} point={menu} cameras={cameras} onClose={() => setMenu(null)} />
      )}
      <MapCard
        selection={selection}
        incidents={incidents}
        cameras={cameras}
        alerts={alerts}
        servicePoints={servicePoints}
        following={following}
        onFollow={follow}
        onFitIncident={fitIncident}
      />
      <MapOverlays mapRef={mapRef} styleReady={styleReady} drawingRef={drawingRef} />
      <MapLegend
        visible={visible}
        onToggle={(g) => setVisible((v) => ({ ...v, [g]: !v[g] }))}
        heatPeriod={heatPeriod}
        heatPeriods={Object.keys(HEAT_PERIODS) as HeatPeriod[]}
        onHeatPeriod={(p) => setHeatPeriod(p as HeatPeriod)}
        incidents={incidents}
      >
        <MapFinder
          locate={(t) => selectedPosition(t, entities, unitsRef.current)}
          onFly={(center) => mapRef.current?.flyTo({ center, zoom: Math.max(mapRef.current.getZoom(), 16) })}
        />
      </MapLegend>
    </div>
  );
}

function formatDistance(m: number): string {
  return m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(2)} km`;
}
