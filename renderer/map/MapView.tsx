import { useQueryClient } from '@tanstack/react-query';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// maplibre finds its worker by a URL it builds at run time, which no bundler can follow: Vite
// bundles the worker as a worker entry here and maplibre is told where it is, on the app's
// own origin (jccr://app in Electron; CSP worker-src 'self' covers it).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Alert, Camera, Incident, ServicePoint, Snapshot } from '../../shared/protocol';
import { onAppliedEvents } from '../connection/appliedEvents';
import { useSession } from '../session/SessionContext';
import { snapshotQuery } from '../state/snapshotQuery';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { select, useSelection } from '../workstation/selection';
import type { SelectionTarget } from '../workstation/workstationBus';
import { loadBasemapData } from './basemap/basemapData';
import { basemapStyle, BASEMAP_ATTRIBUTION, type MapTheme } from './basemap/basemapStyle';
import { attachBasemapUnderlay, type BasemapUnderlay } from './basemap/basemapUnderlay';
import { chooseStyle, configuredStyleUrl, type StyleChoice } from './basemap/styleConfig';
import { pathMetres } from './geometry/fov';
import { addLiveIcons } from './live/icons';
import {
  alertFeatures,
  cameraFeatures,
  fovFeatures,
  heatFeatures,
  incidentFeatures,
  servicePointFeatures,
} from './live/liveFeatures';
import {
  installLiveLayers,
  LAYER_GROUPS,
  setGroupVisible,
  setSourceData,
  UNITS_BEFORE,
  type LayerGroup,
} from './live/liveLayers';
import { selectAlerts, selectCameras, selectIncidents, selectServicePoints } from './live/liveSnapshot';
import { liveStyle } from './live/liveStyle';
import { MapMetrics } from './live/metrics';
import { UnitLayer, type UnitUpdateMode } from './live/unitLayer';
import { MapCard } from './ui/MapCard';
import { MapContextMenu, type ContextPoint } from './ui/MapContextMenu';
import { MapLegend } from './ui/MapLegend';
import { MapFinder } from './ui/MapFinder';
import { MapOverlays } from './overlays/MapOverlays';
import { MapSearch } from './ui/MapSearch';
import { buildPlaceIndex, type Place } from './search/placeIndex';
import './map.css';

const CITY_BOUNDS: [number, number, number, number] = [-0.115, 51.505, -0.07, 51.525];
const HEAT_PERIODS = { '1h': 3_600_000, '24h': 86_400_000, '7d': 604_800_000 } as const;
type HeatPeriod = keyof typeof HEAT_PERIODS;

/** Bench hooks, only with `?mapBench=incremental|naive` on the page URL. */
function benchMode(): UnitUpdateMode | null {
  const mode = new URLSearchParams(location.search).get('mapBench');
  return mode === 'naive' || mode === 'incremental' ? mode : null;
}

declare global {
  interface Window {
    __jccrMapBench?: {
      metrics: MapMetrics;
      /** The live map (interactive, units and live layers). */
      map: maplibregl.Map;
      /** The basemap drawn under it. */
      basemap: maplibregl.Map;
      units: UnitLayer;
      ready: boolean;
    };
  }
}

const ALL_GROUPS = Object.keys(LAYER_GROUPS) as LayerGroup[];
maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/** The live map itself: basemap, live layers, and the operator's tools around it. */
export default function MapView() {
  const { smsUrl, token } = useSession();
  const queryClient = useQueryClient();
  const containerRef = useRef<HTMLDivElement>(null);
  const basemapRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const underlayRef = useRef<BasemapUnderlay | null>(null);
  const drawingRef = useRef(false);
  const unitsRef = useRef<UnitLayer | null>(null);
  const [styleReady, setStyleReady] = useState(0);
  const [theme, setTheme] = useState<MapTheme>('dark');
  // Read when the maps are (re)created, without recreating them on every theme change.
  const themeRef = useRef(theme);
  const [choice, setChoice] = useState<StyleChoice | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [visible, setVisible] = useState<Record<LayerGroup, boolean>>(
    () => Object.fromEntries(ALL_GROUPS.map((g) => [g, g !== 'heat'])) as Record<LayerGroup, boolean>,
  );
  const [heatPeriod, setHeatPeriod] = useState<HeatPeriod>('24h');
  const [menu, setMenu] = useState<ContextPoint | null>(null);
  const [measuring, setMeasuring] = useState<[number, number][] | null>(null);
  const [following, setFollowing] = useState<string | null>(null);
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

  // Which style: the configured one if it loads and validates, else the bundled basemap.
  useEffect(() => {
    let cancelled = false;
    void configuredStyleUrl(location.href, fetch)
      .then((url) => chooseStyle(url, fetch))
      .then((c) => {
        if (cancelled) return;
        setChoice(c);
        if (c.kind === 'bundled') setNotice(c.notice);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const styleFor = useCallback(
    (c: StyleChoice, t: MapTheme): maplibregl.StyleSpecification | string =>
      c.kind === 'external' ? c.url : basemapStyle(basemap, t),
    [basemap],
  );

  // The maps, created once the basemap style is chosen: the live map (interactive, every live
  // layer) over the basemap drawn apart (see basemapUnderlay.ts for why two).
  useEffect(() => {
    if (!choice || !containerRef.current || !basemapRef.current) return;
    const mode = benchMode();
    const metrics = mode ? new MapMetrics() : null;
    const map = new maplibregl.Map({
      container: containerRef.current,
      style: liveStyle(),
      bounds: CITY_BOUNDS,
      maxBounds: [-0.2, 51.47, 0.0, 51.56],
      minZoom: 12,
      maxZoom: 19,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: mode !== null },
      fadeDuration: 0,
    });
    const underlay = attachBasemapUnderlay(basemapRef.current, map, {
      style: styleFor(choice, themeRef.current),
      minZoom: 12,
      maxZoom: 19,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: mode !== null },
      fadeDuration: 0,
    });
    mapRef.current = map;
    // Bottom-left of the basemap, above the live canvas (map.css): the scale stacks over the attribution.
    underlay.map.addControl(
      new maplibregl.AttributionControl(
        // Compact (an ⓘ button) only when the map is narrow, as maplibre does by default.
        choice.kind === 'external' ? { customAttribution: BASEMAP_ATTRIBUTION } : {},
      ),
      'bottom-left',
    );
    underlayRef.current = underlay;
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'bottom-right');
    underlay.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const units = new UnitLayer(map, mode ?? 'incremental', metrics);
    unitsRef.current = units;
    const bench = metrics
      ? (window.__jccrMapBench = { metrics, map, basemap: underlay.map, units, ready: false as boolean })
      : null;
    let liveLoaded = false;
    let basemapLoaded = false;
    const markReady = () => {
      if (bench && liveLoaded && basemapLoaded) bench.ready = true;
    };
    underlay.map.once('load', () => {
      basemapLoaded = true;
      markReady();
    });

    const seedFromCache = () => {
      const snapshot = queryClient.getQueryData<Snapshot>(snapshotQuery(smsUrl, token).queryKey);
      if (snapshot) units.seed(snapshot.units);
      return snapshot !== undefined;
    };
    let seeded = seedFromCache();
    const stopEvents = onAppliedEvents((events) => {
      if (!seeded) seeded = seedFromCache();
      else units.receive(events);
    });
    // A snapshot fetched afresh (after a gap or a resync) replaces every unit.
    const stopCache = queryClient.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'success' && !e.action.manual) seeded = seedFromCache();
    });

    map.on('style.load', () => {
      addLiveIcons(map);
      installLiveLayers(map);
      units.install(UNITS_BEFORE);
      liveLoaded = true;
      markReady();
      setStyleReady((n) => n + 1);
    });
    underlay.map.on('error', (e) => {
      // A configured style whose tiles or fonts fail: say so and fall back, once.
      if (choice.kind === 'external' && 'sourceId' in e) {
        setNotice(
          `The configured map style (${choice.url}) failed to load its data; showing the bundled City of London basemap.`,
        );
        setChoice({ kind: 'bundled', notice: null });
      }
    });
    return () => {
      stopEvents();
      stopCache();
      units.dispose();
      underlay.remove();
      map.remove();
      mapRef.current = null;
      underlayRef.current = null;
      unitsRef.current = null;
    };
  }, [choice, queryClient, smsUrl, token, styleFor]);

  // Theme: a new basemap style under the same live map.
  const switchTheme = (next: MapTheme) => {
    setTheme(next);
    themeRef.current = next;
    if (choice && choice.kind === 'bundled') underlayRef.current?.map.setStyle(styleFor(choice, next));
  };

  // Live data that changes at human rate goes through React; units never do.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0 || !incidents) return;
    const draw = () => setSourceData(map, 'incidents', incidentFeatures(incidents, Date.now()));
    draw();
    // Breach state changes with time alone: re-evaluate every 15 s.
    const timer = setInterval(draw, 15_000);
    return () => clearInterval(timer);
  }, [incidents, styleReady]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0 || !incidents) return;
    setSourceData(map, 'heat', heatFeatures(incidents, Date.now() - HEAT_PERIODS[heatPeriod]));
  }, [incidents, heatPeriod, styleReady]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0 || !cameras) return;
    setSourceData(map, 'cameras', cameraFeatures(cameras));
    setSourceData(map, 'fov', fovFeatures(cameras));
  }, [cameras, styleReady]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0 || !alerts) return;
    setSourceData(map, 'alerts', alertFeatures(alerts));
  }, [alerts, styleReady]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0 || !servicePoints) return;
    setSourceData(map, 'servicePoints', servicePointFeatures(servicePoints));
  }, [servicePoints, styleReady]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    for (const group of ALL_GROUPS) setGroupVisible(map, group, visible[group]);
  }, [visible, styleReady]);

  // Grade 1 pulses: one paint property stepped four times a second (each step repaints the
  // map, which is costly with software GL, so no faster).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    const timer = setInterval(() => {
      const phase = (Date.now() % 1_600) / 1_600;
      if (map.getLayer('incidents-pulse')) {
        map.setPaintProperty('incidents-pulse', 'circle-radius', 12 + 12 * phase);
        map.setPaintProperty('incidents-pulse', 'circle-opacity', 0.5 * (1 - phase));
      }
    }, 250);
    return () => clearInterval(timer);
  }, [styleReady]);

  // The selection ring follows the workstation's selection (from any window).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    const position = selectedPosition(selection, { incidents, cameras, alerts, servicePoints }, unitsRef.current);
    setSourceData(map, 'selection', {
      type: 'FeatureCollection',
      features: position
        ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: {} }]
        : [],
    });
  }, [selection, incidents, cameras, alerts, servicePoints, styleReady]);

  // Clicks: select what is under the pointer; or add a measuring point.
  const measuringRef = useRef(measuring);
  useEffect(() => {
    measuringRef.current = measuring;
  }, [measuring]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    const onClick = (e: maplibregl.MapMouseEvent) => {
      setMenu(null);
      // A click while drawing a cordon places a corner; it selects nothing.
      if (drawingRef.current) return;
      if (measuringRef.current) {
        setMeasuring([...measuringRef.current, [e.lngLat.lng, e.lngLat.lat]]);
        return;
      }
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [
        [e.point.x - 8, e.point.y - 8],
        [e.point.x + 8, e.point.y + 8],
      ];
      const layers = map
        .getStyle()
        .layers.map((l) => l.id)
        .filter(
          (id) =>
            ['incidents', 'alerts', 'cameras', 'cameras-dot', 'servicePoints', 'incident-clusters'].includes(id) ||
            /^units-\d+-(dot|icon)$/.test(id),
        );
      const hit = map.queryRenderedFeatures(box, { layers })[0];
      if (!hit) {
        // Units below icon zoom are GL points, not features maplibre can query.
        const unitId = unitsRef.current?.nearest(e.point, 8);
        if (unitId) select({ kind: 'unit', id: unitId });
        return;
      }
      if (hit.layer.id === 'incident-clusters') {
        map.easeTo({ center: e.lngLat, zoom: map.getZoom() + 2 });
        return;
      }
      const id = String(hit.properties.id);
      const kind = hit.layer.id.startsWith('units-')
        ? 'unit'
        : hit.layer.id === 'incidents'
          ? 'incident'
          : hit.layer.id === 'alerts'
            ? 'alert'
            : hit.layer.id.startsWith('cameras')
              ? 'camera'
              : 'servicePoint';
      select({ kind, id });
    };
    const onContext = (e: maplibregl.MapMouseEvent) => {
      e.preventDefault();
      setMenu({ lon: e.lngLat.lng, lat: e.lngLat.lat, x: e.point.x, y: e.point.y });
    };
    const onMove = () => setFollowing(unitsRef.current?.following ?? null);
    map.on('click', onClick);
    map.on('contextmenu', onContext);
    map.on('dragstart', onMove);
    return () => {
      map.off('click', onClick);
      map.off('contextmenu', onContext);
      map.off('dragstart', onMove);
    };
  }, [styleReady]);

  // Dragging the map stops following.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const stop = () => {
      unitsRef.current?.follow(null);
      setFollowing(null);
    };
    map.on('dragstart', stop);
    return () => {
      map.off('dragstart', stop);
    };
  }, [styleReady]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    const points = measuring ?? [];
    setSourceData(map, 'measure', {
      type: 'FeatureCollection',
      features: [
        ...(points.length > 1
          ? [
              {
                type: 'Feature' as const,
                geometry: { type: 'LineString' as const, coordinates: points },
                properties: {},
              },
            ]
          : []),
        ...points.map((p) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: p },
          properties: {},
        })),
      ],
    });
    map.getCanvas().style.cursor = measuring ? 'crosshair' : '';
  }, [measuring, styleReady]);

  const flyTo = (place: Place) => {
    const map = mapRef.current;
    if (!map) return;
    const [w, s, e, n] = place.bounds;
    if (e - w < 0.0005 && n - s < 0.0005) map.flyTo({ center: place.center, zoom: 17 });
    else map.fitBounds([w, s, e, n], { padding: 80, maxZoom: 17 });
  };

  const follow = (unitId: string | null) => {
    unitsRef.current?.follow(unitId);
    setFollowing(unitId);
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
          <button type="button" onClick={() => setNotice(null)}>
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
          locate={(t) => selectedPosition(t, { incidents, cameras, alerts, servicePoints }, unitsRef.current)}
          onFly={(center) => mapRef.current?.flyTo({ center, zoom: Math.max(mapRef.current.getZoom(), 16) })}
        />
      </MapLegend>
    </div>
  );
}

interface Entities {
  incidents: readonly Incident[] | undefined;
  cameras: readonly Camera[] | undefined;
  alerts: readonly Alert[] | undefined;
  servicePoints: readonly ServicePoint[] | undefined;
}

function selectedPosition(selection: SelectionTarget, e: Entities, units: UnitLayer | null): [number, number] | null {
  if (!selection) return null;
  const find = <T extends { id: string }>(list: readonly T[] | undefined) => list?.find((x) => x.id === selection.id);
  const located = (l: { lon: number; lat: number } | undefined): [number, number] | null => (l ? [l.lon, l.lat] : null);
  switch (selection.kind) {
    case 'incident':
      return located(find(e.incidents)?.location);
    case 'camera':
      return located(find(e.cameras)?.position);
    case 'alert':
      return located(find(e.alerts)?.location);
    case 'servicePoint':
      return located(find(e.servicePoints)?.location);
    case 'unit':
      return units?.position(selection.id) ?? null;
    case 'overlay':
      return null; // an area, outlined already
  }
}

function formatDistance(m: number): string {
  return m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(2)} km`;
}
