// The map searches the one place index the console also uses (shared/geo/placeIndex.ts). This
// re-export is only for MapView's import, until MapView imports the shared module itself.
export { buildPlaceIndex, type Place } from '../../../shared/geo/placeIndex';
