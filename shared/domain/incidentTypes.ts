import type { Grade, IncidentType, Skill } from '../protocol/entities';

/** What the room knows about each incident type: label, suggested grade, skills a unit must have. */
export interface IncidentTypeInfo {
  label: string;
  suggestedGrade: Grade;
  /** A recommended unit must carry every one of these. */
  requiredSkills: readonly Skill[];
}

export const INCIDENT_TYPES: Record<IncidentType, IncidentTypeInfo> = {
  anti_social_behaviour: { label: 'Anti-social behaviour', suggestedGrade: 3, requiredSkills: [] },
  theft: { label: 'Theft', suggestedGrade: 3, requiredSkills: [] },
  shoplifting: { label: 'Shoplifting', suggestedGrade: 2, requiredSkills: [] },
  robbery: { label: 'Robbery', suggestedGrade: 1, requiredSkills: [] },
  violence_night_time_economy: { label: 'Violence (night-time economy)', suggestedGrade: 1, requiredSkills: [] },
  public_order: { label: 'Public order', suggestedGrade: 1, requiredSkills: ['public_order'] },
  protest: { label: 'Protest', suggestedGrade: 2, requiredSkills: ['public_order'] },
  suspicious_item: { label: 'Suspicious item', suggestedGrade: 1, requiredSkills: [] },
  suspected_firearm: { label: 'Suspected firearm', suggestedGrade: 1, requiredSkills: ['firearms'] },
  terrorism_concern: { label: 'Terrorism concern', suggestedGrade: 1, requiredSkills: ['firearms'] },
  vulnerable_person_bridge: { label: 'Vulnerable person on a bridge', suggestedGrade: 1, requiredSkills: [] },
  concern_for_welfare: { label: 'Concern for welfare', suggestedGrade: 2, requiredSkills: [] },
  missing_person: { label: 'Missing person', suggestedGrade: 2, requiredSkills: [] },
  road_traffic_collision: { label: 'Road traffic collision', suggestedGrade: 2, requiredSkills: ['first_aid'] },
  premises_alarm: { label: 'Premises alarm', suggestedGrade: 2, requiredSkills: [] },
  burglary: { label: 'Burglary', suggestedGrade: 2, requiredSkills: [] },
  hate_crime: { label: 'Hate crime', suggestedGrade: 2, requiredSkills: [] },
  cyber_fraud_report: { label: 'Fraud / cyber crime report', suggestedGrade: 3, requiredSkills: [] },
};

export function suggestedGrade(type: IncidentType): Grade {
  return INCIDENT_TYPES[type].suggestedGrade;
}

/** Whether a unit's skills cover what the incident type requires. */
export function hasRequiredSkills(type: IncidentType, skills: readonly Skill[]): boolean {
  return INCIDENT_TYPES[type].requiredSkills.every((s) => skills.includes(s));
}
