import type { User } from '../../shared/protocol';
import { requestGuide } from '../guide/guideRequests';

const ROLE_NAMES: Record<User['role'], string> = {
  dispatcher: 'Dispatcher',
  supervisor: 'Supervisor',
  commander: 'Incident commander',
  viewer: 'Viewer',
  admin: 'Administrator',
};

/** Who is signed in, in which role, and the way out. */
export function UserMenu({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  return (
    <div className="user-menu">
      <p className="user-menu__who">
        <span className="visually-hidden">Signed in as </span>
        <span className="user-menu__name">{user.username}</span>
        <span className="user-menu__role">{ROLE_NAMES[user.role]}</span>
      </p>
      <button type="button" className="button--quiet" onClick={requestGuide}>
        Show guide
      </button>
      <button type="button" className="button--quiet" onClick={onSignOut}>
        Sign out
      </button>
    </div>
  );
}
