import { useCallback, useEffect, useState } from 'react';
import type { LiveMap } from './useLiveMap';

/**
 * The unit the view follows (null: none), and how to follow one. Dragging the map stops
 * following: the operator has taken the view back.
 */
export function useFollowUnit({
  mapRef,
  unitsRef,
  styleReady,
}: LiveMap): [string | null, (unitId: string | null) => void] {
  const [following, setFollowing] = useState<string | null>(null);
  const follow = useCallback(
    (unitId: string | null) => {
      unitsRef.current?.follow(unitId);
      setFollowing(unitId);
    },
    [unitsRef],
  );
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const stop = () => follow(null);
    map.on('dragstart', stop);
    return () => {
      map.off('dragstart', stop);
    };
    // styleReady changes once new maps are ready (the style choice changed): listen to those.
  }, [mapRef, follow, styleReady]);
  return [following, follow];
}
