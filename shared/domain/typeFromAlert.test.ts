import { anAlert } from '../../test/support/records';
import { typeFromAlert } from './typeFromAlert';

describe('typeFromAlert', () => {
  it('takes an emergency button as public order and a premises alarm as itself, whatever they say', () => {
    expect(typeFromAlert(anAlert({ source: 'emergency_button', kind: 'button', detail: 'theft' }))).toBe(
      'public_order',
    );
    expect(typeFromAlert(anAlert({ source: 'premises_alarm', kind: 'intruder', detail: 'robbery' }))).toBe(
      'premises_alarm',
    );
  });

  it('reads the kind, then the detail, whatever their case', () => {
    expect(typeFromAlert(anAlert({ source: 'video_analytics', kind: 'Unattended_Item', detail: '' }))).toBe(
      'suspicious_item',
    );
    expect(typeFromAlert(anAlert({ source: 'service_point_call', kind: 'call', detail: 'Caller saw a FIGHT' }))).toBe(
      'violence_night_time_economy',
    );
    expect(typeFromAlert(anAlert({ source: 'anpr', kind: 'wanted_vehicle', detail: '' }))).toBe(
      'road_traffic_collision',
    );
  });

  it('prefers the more specific hint when several match', () => {
    // "gun" (firearm) outranks "crowd" (public order) and "robbery".
    expect(
      typeFromAlert(anAlert({ source: 'service_point_call', kind: 'call', detail: 'crowd, robbery, a gun' })),
    ).toBe('suspected_firearm');
  });

  it('suggests nothing when nothing fits', () => {
    expect(
      typeFromAlert(anAlert({ source: 'video_analytics', kind: 'loitering', detail: 'Person waiting' })),
    ).toBeNull();
  });
});
