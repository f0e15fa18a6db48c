import { useState } from 'react';
import type { HostBridge } from '../../shared/host/bridge';
import type { WindowRole } from '../../shared/host/profile';
import { ROLE_NAMES } from '../../shared/host/profile';
import { otherRoles } from './roleSurfaces';

/**
 * Opens (or brings forward) this workstation's other windows. In Electron main places them on
 * their displays; in a browser the Window Management API does when the operator allows it.
 */
export function WindowsMenu({ host, role }: { host: HostBridge; role: WindowRole }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <nav aria-label="Workstation windows" className="shell-windows">
      <span className="shell-windows__term" aria-hidden="true">
        Open window:
      </span>
      {otherRoles(role).map((other) => (
        <button
          key={other}
          type="button"
          className="button--quiet shell-windows__button"
          aria-label={`Open ${ROLE_NAMES[other]} window`}
          onClick={() => {
            setProblem(null);
            host.openRoleWindow(other).catch((error: unknown) => {
              setProblem(error instanceof Error ? error.message : String(error));
            });
          }}
        >
          {ROLE_NAMES[other]}
        </button>
      ))}
      {problem && (
        <p role="alert" className="shell-windows__problem">
          {problem}
        </p>
      )}
    </nav>
  );
}
