import * as maplibregl from 'maplibre-gl';

/**
 * Below this width of the map the attribution is an ⓘ button that shows its text on demand; from
 * it the text is shown inline. The bundled basemap's attribution is one long line (about 1,250 px
 * at the control's 12 px); in the narrower map panes of the all-surfaces and command windows it
 * wrapped to four or five lines and covered a large part of the map.
 */
export const INLINE_ATTRIBUTION_MIN_WIDTH = 1_400;

/**
 * maplibre's attribution control, compact wherever the map is narrower than `inlineFrom` and
 * collapsed from the start. maplibre's own compact mode opens expanded and collapses on the
 * map's first drag; the basemap (basemapUnderlay.ts) is not interactive and never sees a drag, so
 * it would stay expanded for good. The full text stays one click (or Enter on the button) away,
 * as the data's licences ask.
 */
export class CompactAttributionControl extends maplibregl.AttributionControl {
  constructor(
    options: maplibregl.AttributionControlOptions,
    private readonly inlineFrom = INLINE_ATTRIBUTION_MIN_WIDTH,
  ) {
    super(options);
  }

  override _updateCompact = (): void => {
    const container = this._container;
    if (!this._map || !container) return;
    const wide = this._map.getCanvasContainer().offsetWidth >= this.inlineFrom;
    if (wide) {
      container.setAttribute('open', '');
      container.classList.remove('maplibregl-compact', 'maplibregl-compact-show');
      return;
    }
    if (container.classList.contains('maplibregl-compact')) return;
    // Becoming compact: collapsed, the ⓘ button toggles the text (maplibre's _toggleAttribution).
    container.classList.add('maplibregl-compact');
    container.classList.remove('maplibregl-compact-show');
    container.removeAttribute('open');
  };
}
