import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The open data files the simulator reads, by role (see `data/geo/README.md`). */
export const GEO_FILES = {
  streets: 'city_streets.geojson',
  wards: 'city_of_london_wards.geojson',
  stations: 'rail_stations.geojson',
  pois: 'pois_osm.geojson',
} as const;

/**
 * The folder holding the geodata: `JCCR_GEO_DIR` when set (a deployment's own data), else the
 * project's `data/geo`, found from the working directory or from this module's location (the
 * SMS may be started from another folder, or bundled).
 */
export function geoDir(): string {
  const fromEnv = process.env['JCCR_GEO_DIR'];
  if (fromEnv) return path.resolve(fromEnv);
  const candidates = [path.resolve(process.cwd(), 'data/geo')];
  if (typeof __dirname === 'string') candidates.push(path.resolve(__dirname, '../../../data/geo'));
  return candidates.find((dir) => existsSync(path.join(dir, GEO_FILES.streets))) ?? candidates[0]!;
}

/** Path of one of the geodata files in `geoDir()`. */
export function geoFile(name: keyof typeof GEO_FILES): string {
  return path.join(geoDir(), GEO_FILES[name]);
}

/** Reads and JSON-parses a file, naming the file in any error. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}
