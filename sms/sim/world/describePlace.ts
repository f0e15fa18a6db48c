import { ADDRESS_RADIUS_METRES } from '../../../shared/protocol';
import type { DescribePlace } from '../../core/ports';
import { Gazetteer, type GeoSources } from './gazetteer';

/**
 * How the SMS completes a location an operator gives without an address (sms/app.ts hands it to
 * the core): the nearest street, or "A j/w B" at a junction, when a street is within
 * `ADDRESS_RADIUS_METRES`, and the City ward the point lies in. Further from the network the
 * nearest street would name a place the point is not, so there is no address.
 */
export function loadPlaceDescriber(sources: GeoSources = {}): DescribePlace {
  const gazetteer = Gazetteer.load(sources);
  return (lon, lat) => {
    const ward = gazetteer.wards.wardAt(lon, lat);
    const onStreets = gazetteer.streets.snap(lon, lat).distance <= ADDRESS_RADIUS_METRES;
    const address = onStreets ? gazetteer.address(lon, lat) : undefined;
    return { ...(address === undefined ? {} : { address }), ...(ward === undefined ? {} : { ward }) };
  };
}
