import { WINDOW_ROLES } from '../../shared/host/profile';
import { ROLE_SURFACES, otherRoles } from './roleSurfaces';

describe('role surfaces', () => {
  it('shows every surface in the single-display window', () => {
    expect([...ROLE_SURFACES.combined].sort()).toEqual(['console', 'map', 'overview', 'wall']);
  });

  it('gives every role at least one surface, and one role per dedicated surface', () => {
    for (const role of WINDOW_ROLES) expect(ROLE_SURFACES[role].length).toBeGreaterThan(0);
    expect(ROLE_SURFACES.wall).toEqual(['wall']);
    expect(ROLE_SURFACES.console).toEqual(['console']);
  });

  it('offers the other dedicated roles to open, never the window itself', () => {
    expect(otherRoles('console')).toEqual(['map', 'wall', 'command']);
    expect(otherRoles('combined')).toEqual(['console', 'map', 'wall', 'command']);
  });
});
