import type { StyleSpecification } from 'maplibre-gl';
import { useCallback, useEffect, useState } from 'react';
import type { BasemapData } from './basemapData';
import { basemapStyle, type MapTheme } from './basemapStyle';
import { fallbackOnError } from './styleFallback';
import { chooseStyle, configuredStyleUrl, type StyleChoice } from './styleConfig';

/** The basemap's style for a choice: the configured style's URL, or the bundled one in `theme`. */
export function styleFor(choice: StyleChoice, basemap: BasemapData, theme: MapTheme): StyleSpecification | string {
  return choice.kind === 'external' ? choice.url : basemapStyle(basemap, theme);
}

export interface StyleChoiceState {
  /** Null until the configured style (if any) has been tried. */
  choice: StyleChoice | null;
  /** Why the bundled basemap is shown instead of the configured one, until dismissed. */
  notice: string | null;
  dismissNotice(): void;
  /** An error from the basemap: a configured style whose tiles or fonts fail falls back, once. */
  onBasemapError(error: object): void;
}

/** Which basemap style: the configured one if it loads and validates, else the bundled basemap. */
export function useStyleChoice(): StyleChoiceState {
  const [choice, setChoice] = useState<StyleChoice | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

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

  const onBasemapError = useCallback(
    (error: object) => {
      if (!choice) return;
      const fallback = fallbackOnError(choice, error);
      if (!fallback) return;
      setNotice(fallback.notice);
      setChoice(fallback.choice);
    },
    [choice],
  );
  const dismissNotice = useCallback(() => setNotice(null), []);

  return { choice, notice, dismissNotice, onBasemapError };
}
