import { useQueryClient } from '@tanstack/react-query';
import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useSession } from '../session/SessionContext';
import { snapshotQuery } from '../state/snapshotQuery';
import type { BasemapUnderlay } from './basemap/basemapUnderlay';
import type { StyleChoice } from './basemap/styleConfig';
import { mapBenchHook } from './benchHook';
import { createMaps } from './createMaps';
import { feedUnits } from './live/feedUnits';
import { addLiveIcons } from './live/icons';
import { INCIDENT_PULSE_LAYER, installLiveLayers } from './live/liveLayers';
import type { MapUnits } from './live/mapUnits';
import { UnitLayer } from './live/unitLayer';

/** The maps as the view's hooks reach them; `styleReady` counts the live layers' installs (0: not yet). */
export interface LiveMap {
  mapRef: RefObject<MaplibreMap | null>;
  underlayRef: RefObject<BasemapUnderlay | null>;
  unitsRef: RefObject<MapUnits | null>;
  styleReady: number;
}

interface LiveMapOptions {
  containerRef: RefObject<HTMLDivElement | null>;
  basemapRef: RefObject<HTMLDivElement | null>;
  unitDotsRef: RefObject<HTMLDivElement | null>;
  /** Null until the basemap style is chosen: no maps before. */
  choice: StyleChoice | null;
  /** The basemap style for a choice (read when the maps are created). */
  styleFor: (choice: StyleChoice) => StyleSpecification | string;
  onBasemapError: (error: object) => void;
}

/**
 * Creates the two maps once the basemap style is chosen (again if it changes), installs the live
 * layers and the unit layer on the live map, and keeps the units fed from the connection.
 */
export function useLiveMap({
  containerRef,
  basemapRef,
  unitDotsRef,
  choice,
  styleFor,
  onBasemapError,
}: LiveMapOptions): LiveMap {
  const { smsUrl, token } = useSession();
  const queryClient = useQueryClient();
  const mapRef = useRef<MaplibreMap | null>(null);
  const underlayRef = useRef<BasemapUnderlay | null>(null);
  const unitsRef = useRef<MapUnits | null>(null);
  const [styleReady, setStyleReady] = useState(0);

  useEffect(() => {
    if (!choice || !containerRef.current || !basemapRef.current || !unitDotsRef.current) return;
    const bench = mapBenchHook();
    const { live, underlay, unitDots } = createMaps({
      container: containerRef.current,
      basemapContainer: basemapRef.current,
      unitDotsContainer: unitDotsRef.current,
      basemapStyle: styleFor(choice),
      externalStyle: choice.kind === 'external',
      preserveDrawingBuffer: bench !== undefined,
    });
    mapRef.current = live;
    underlayRef.current = underlay;
    const units = bench
      ? bench.attach(
          { live, basemap: underlay.map, unitDots: unitDots.map },
          (timings) => new UnitLayer(live, timings, unitDots.map),
        )
      : new UnitLayer(live, null, unitDots.map);
    unitsRef.current = units;
    const stopFeed = feedUnits(units, () => queryClient.getQueryData(snapshotQuery(smsUrl, token).queryKey));

    live.on('style.load', () => {
      addLiveIcons(live);
      installLiveLayers(live);
      // Units under incidents and alerts.
      units.install(INCIDENT_PULSE_LAYER);
      setStyleReady((n) => n + 1);
    });
    underlay.map.on('error', onBasemapError);
    return () => {
      stopFeed();
      units.dispose();
      unitDots.remove();
      underlay.remove();
      live.remove();
      mapRef.current = null;
      underlayRef.current = null;
      unitsRef.current = null;
    };
  }, [choice, containerRef, basemapRef, unitDotsRef, styleFor, onBasemapError, queryClient, smsUrl, token]);

  return { mapRef, underlayRef, unitsRef, styleReady };
}
