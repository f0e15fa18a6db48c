// The global `GeoJSON` namespace maplibre-gl's types use (from @types/geojson, one of its dependencies).
/// <reference types="geojson" />
