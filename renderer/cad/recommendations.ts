import { recommendUnits, travelModeOf, type Recommendation } from '../../shared/domain/recommend';
import type { Incident, Unit } from '../../shared/protocol';
import { cadGeo } from './geoData';

/** The nearest suitable available units for an incident, by travel time over the City's streets. */
export function recommendFor(incident: Incident, units: readonly Unit[], limit = 5): Recommendation[] {
  const { travel } = cadGeo();
  return recommendUnits(
    incident,
    units,
    (u) => travel.seconds(u.position, incident.location, travelModeOf(u.kind)),
    limit,
  );
}
