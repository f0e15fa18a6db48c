import { pulsePaint } from './useIncidentPulse';

describe('pulsePaint', () => {
  it('grows the ring and fades it once every 1.6 s', () => {
    expect(pulsePaint(0)).toEqual({ radius: 12, opacity: 0.5 });
    expect(pulsePaint(800)).toEqual({ radius: 18, opacity: 0.25 });
    expect(pulsePaint(1_600)).toEqual(pulsePaint(0));
  });
});
