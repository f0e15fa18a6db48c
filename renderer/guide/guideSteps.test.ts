import { WINDOW_ROLES } from '../../shared/host/profile';
import { guideSteps } from './guideSteps';

describe('guideSteps', () => {
  it.each(WINDOW_ROLES)('gives the %s window a short tour: three to five steps, each with words', (role) => {
    const steps = guideSteps(role);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.length).toBeLessThanOrEqual(5);
    for (const step of steps) {
      expect(step.title.trim()).not.toBe('');
      expect(step.body.trim()).not.toBe('');
      // Short enough for the slim strip it is shown in.
      expect(step.body.length).toBeLessThanOrEqual(260);
      expect(step.keys.length).toBeLessThanOrEqual(5);
    }
  });

  it('gives every step of a window a different title (the announcement names the step)', () => {
    for (const role of WINDOW_ROLES) {
      const titles = guideSteps(role).map((s) => s.title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it('tells each window about its own surfaces and keys', () => {
    const titles = (role: (typeof WINDOW_ROLES)[number]) => guideSteps(role).map((s) => s.title);
    expect(titles('console')).toEqual(expect.arrayContaining(['Dispatch console', 'Console keys']));
    expect(titles('map')).toEqual(expect.arrayContaining(['The map', 'Map keys']));
    expect(titles('wall')).toEqual(expect.arrayContaining(['The video wall', 'Wall keys']));
    expect(titles('command')).toEqual(expect.arrayContaining(['The map', 'Overview', 'Resizing the panes']));
    expect(titles('combined')).toEqual(
      expect.arrayContaining(['Console keys', 'Map keys', 'Wall keys', 'Resizing the panes']),
    );
    // The console's keys are not offered where there is no console.
    for (const role of ['map', 'wall', 'command'] as const) expect(titles(role)).not.toContain('Console keys');
  });
});
