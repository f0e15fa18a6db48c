import {
  AlertPrioritySchema,
  AlertSourceSchema,
  GradeSchema,
  IncidentStatusSchema,
  OverlayKindSchema,
  ServicePointStatusSchema,
  UnitKindSchema,
  UnitStatusSchema,
} from '../protocol';
import {
  ALERT_PRIORITY_LABEL,
  ALERT_SOURCE_LABEL,
  GRADE_NAMES,
  GRADE_SHORT_NAMES,
  INCIDENT_STATUS_LABEL,
  OVERLAY_KIND_NAME,
  OVERLAY_KIND_WORD,
  PLACE_KIND_LABEL,
  SERVICE_POINT_STATUS_LABEL,
  UNIT_KIND_LABEL,
  UNIT_STATUS_CODE,
  UNIT_STATUS_LABEL,
  gradeLabel,
  overlayLabel,
  spaced,
  words,
} from './labels';

describe('labels', () => {
  it('names every value of every labelled enum, each with its own word', () => {
    const tables: [readonly string[], Record<string, string>][] = [
      [IncidentStatusSchema.options, INCIDENT_STATUS_LABEL],
      [UnitStatusSchema.options, UNIT_STATUS_LABEL],
      [UnitStatusSchema.options, UNIT_STATUS_CODE],
      [UnitKindSchema.options, UNIT_KIND_LABEL],
      [AlertSourceSchema.options, ALERT_SOURCE_LABEL],
      [AlertPrioritySchema.options, ALERT_PRIORITY_LABEL],
      [ServicePointStatusSchema.options, SERVICE_POINT_STATUS_LABEL],
      [OverlayKindSchema.options, OVERLAY_KIND_NAME],
      [OverlayKindSchema.options, OVERLAY_KIND_WORD],
      [['street', 'landmark', 'ward', 'station', 'place'], PLACE_KIND_LABEL],
    ];
    for (const [values, table] of tables) {
      expect(Object.keys(table).sort()).toEqual([...values].sort());
      const labels = values.map((v) => table[v]);
      expect(labels.every((l) => typeof l === 'string' && l.trim() !== '')).toBe(true);
      expect(new Set(labels).size).toBe(values.length);
    }
  });

  it('names the grades in full, and short for the legend', () => {
    const grades = [1, 2, 3, 4].map((g) => GradeSchema.parse(g));
    expect(grades.map(gradeLabel)).toEqual([
      'Grade 1 Emergency',
      'Grade 2 Priority',
      'Grade 3 Scheduled',
      'Grade 4 Resolved without deployment',
    ]);
    expect(grades.map((g) => GRADE_SHORT_NAMES[g])).toEqual(['Emergency', 'Priority', 'Scheduled', 'Resolved']);
    expect(GRADE_NAMES[1]).toBe('Emergency');
  });

  it('says statuses as a dispatcher does', () => {
    expect(INCIDENT_STATUS_LABEL.on_scene).toBe('On scene');
    expect(UNIT_STATUS_LABEL.en_route).toBe('En route');
    expect(UNIT_STATUS_CODE.off_duty).toBe('OFF');
  });

  it('labels every overlay with its kind in words, so colour is never the only signal', () => {
    expect(overlayLabel({ kind: 'cordon', name: 'Inner cordon' })).toBe('CORDON · Inner cordon');
    expect(overlayLabel({ kind: 'sector', name: 'Sector A' })).toBe('SECTOR · Sector A');
    expect(overlayLabel({ kind: 'rvp', name: 'RVP 1' })).toBe('RVP · RVP 1');
  });

  it('turns snake_case ids into words, capitalised or for running text', () => {
    expect(words('false_alarm')).toBe('False alarm');
    expect(words('')).toBe('');
    expect(spaced('city_police')).toBe('city police');
  });
});
