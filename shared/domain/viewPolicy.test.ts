import { aCamera } from '../../test/support/records';
import { mayTour, reasonRequired } from './viewPolicy';

describe('reason for viewing', () => {
  it('is needed for any view of a third-party camera, naming it', () => {
    const camera = aCamera({ name: 'Bank vault door', owner: 'third_party' });
    expect(reasonRequired(camera, 'live')).toBe('Bank vault door is a third-party premises camera');
  });

  it('is needed for playback and snapshots of any camera, not for watching live', () => {
    const camera = aCamera({ owner: 'city_police' });
    expect(reasonRequired(camera, 'live')).toBeNull();
    expect(reasonRequired(camera, 'playback')).toBe('playback of recorded or exported video');
    expect(reasonRequired(camera, 'snapshot')).toBe('snapshot of recorded or exported video');
  });
});

describe('touring', () => {
  it('takes cameras watched live without a reason, never a third-party camera', () => {
    expect(mayTour(aCamera({ owner: 'city_police' }))).toBe(true);
    expect(mayTour(aCamera({ owner: 'tfl' }))).toBe(true);
    expect(mayTour(aCamera({ owner: 'third_party' }))).toBe(false);
  });
});
