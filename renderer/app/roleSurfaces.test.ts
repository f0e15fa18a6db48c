import { otherRoles } from './roleSurfaces';

describe('role surfaces', () => {
  it('offers the other dedicated roles to open, never the window itself', () => {
    expect(otherRoles('console')).toEqual(['map', 'wall', 'command']);
    expect(otherRoles('combined')).toEqual(['console', 'map', 'wall', 'command']);
  });
});
