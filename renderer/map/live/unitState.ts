/// <reference types="geojson" />
import { UNIT_STATUS_LABEL } from '../../../shared/domain/labels';
import type { Unit, UnitPosition } from '../../../shared/protocol';
import { unitIcon } from './icons';
import { UNIT_STATUS_STYLE } from './symbology';

/** One unit as the map holds it: the last report, and where it is drawn while it glides there. */
export interface UnitState {
  id: string;
  /** Feature id: the unit's index in the layer, stable until the next seed. */
  fid: number;
  shard: number;
  callsign: string;
  kind: Unit['kind'];
  status: Unit['status'];
  lon: number;
  lat: number;
  heading: number;
  /** Where the unit is drawn while it glides towards lon/lat. */
  shownLon: number;
  shownLat: number;
  tweenFrom: [number, number] | null;
  tweenStart: number;
}

export function unitState(unit: Unit, fid: number, shard: number): UnitState {
  return {
    id: unit.id,
    fid,
    shard,
    callsign: unit.callsign,
    kind: unit.kind,
    status: unit.status,
    lon: unit.position.lon,
    lat: unit.position.lat,
    heading: unit.heading,
    shownLon: unit.position.lon,
    shownLat: unit.position.lat,
    tweenFrom: null,
    tweenStart: 0,
  };
}

/** A position report: where the unit is now (it is drawn there once snapped or glided). */
export function movePosition(unit: UnitState, position: UnitPosition): void {
  unit.lon = position.lon;
  unit.lat = position.lat;
  unit.heading = position.heading;
}

/** A whole record (`unit.status`): everything but the drawn position. */
export function applyRecord(unit: UnitState, record: Unit): void {
  unit.status = record.status;
  unit.kind = record.kind;
  unit.callsign = record.callsign;
  unit.lon = record.position.lon;
  unit.lat = record.position.lat;
  unit.heading = record.heading;
}

/** Draws the unit where it is, ending any glide. */
export function snap(unit: UnitState): void {
  unit.shownLon = unit.lon;
  unit.shownLat = unit.lat;
  unit.tweenFrom = null;
}

export function shownPoint(unit: UnitState): GeoJSON.Point {
  return { type: 'Point', coordinates: [unit.shownLon, unit.shownLat] };
}

export function unitProperties(unit: UnitState) {
  return {
    id: unit.id,
    callsign: unit.callsign,
    kind: unit.kind,
    status: unit.status,
    statusText: UNIT_STATUS_LABEL[unit.status],
    colour: UNIT_STATUS_STYLE[unit.status].colour,
    icon: unitIcon(unit.kind, unit.status),
    heading: unit.heading,
  };
}

/** The properties as an `updateData` diff sets them. */
export function unitPropertyList(unit: UnitState): { key: string; value: unknown }[] {
  return Object.entries(unitProperties(unit)).map(([key, value]) => ({ key, value }));
}

export function unitFeature(unit: UnitState): GeoJSON.Feature {
  return { type: 'Feature', id: unit.fid, geometry: shownPoint(unit), properties: unitProperties(unit) };
}
