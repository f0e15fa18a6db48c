import type { LogEntry } from '../../../shared/protocol';
import { chooseUnits, isSimOwned, type Candidate } from './colleague';

const entry = (author: string): LogEntry => ({
  id: 'log-1',
  at: '2026-01-01T00:00:00.000Z',
  author,
  kind: 'note',
  text: 'x',
});
const flat = (a: readonly [number, number], b: readonly [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const unit = (id: string, kind: Candidate['kind'], lon: number, extra: Partial<Candidate> = {}): Candidate => ({
  id,
  kind,
  status: 'available',
  skills: kind === 'armed_response' ? ['firearms', 'first_aid'] : ['first_aid'],
  lon,
  lat: 0,
  ...extra,
});

describe('isSimOwned', () => {
  it('owns what the simulator created and only it and the SMS touched', () => {
    expect(isSimOwned({ log: [entry('sim'), entry('system'), entry('sim')] })).toBe(true);
  });

  it('never owns what an operator created', () => {
    expect(isSimOwned({ log: [entry('dispatcher')] })).toBe(false);
  });

  it('gives up an incident once an operator has acted on it', () => {
    expect(isSimOwned({ log: [entry('sim'), entry('supervisor')] })).toBe(false);
  });

  it('leaves an incident alone when its record no longer carries the first entries', () => {
    expect(isSimOwned({ log: [entry('sim'), entry('sim')], logCount: 2 })).toBe(true);
    expect(isSimOwned({ log: [entry('sim'), entry('sim')], logCount: 60 })).toBe(false);
  });
});

describe('chooseUnits', () => {
  const here = { lon: 0, lat: 0 };

  it('sends the nearest available unit', () => {
    const units = [unit('far', 'car', 5), unit('near', 'foot', 1), unit('busy', 'foot', 0, { status: 'busy' })];
    expect(chooseUnits('theft', here, units, 1, flat)).toEqual(['near']);
  });

  it('keeps armed officers for the calls that need them', () => {
    const units = [unit('arv', 'armed_response', 0.1), unit('car', 'car', 3)];
    expect(chooseUnits('theft', here, units, 1, flat)).toEqual(['car']);
  });

  it('sends armed officers to a firearms call, however far', () => {
    const units = [unit('car', 'car', 0.1), unit('arv', 'armed_response', 4)];
    expect(chooseUnits('suspected_firearm', here, units, 2, flat)).toEqual(['arv']);
  });

  it('falls back to a specialist when nobody else is free', () => {
    expect(chooseUnits('theft', here, [unit('dog', 'dog', 1)], 1, flat)).toEqual(['dog']);
  });
});
