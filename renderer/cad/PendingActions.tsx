import type { OutboxEntry } from '../commands/outbox';

interface Props {
  entries: readonly OutboxEntry[];
  onDismiss: (id: string) => void;
}

/** What the operator did that the SMS has not confirmed yet, and what it refused (rolled back). */
export function PendingActions({ entries, onDismiss }: Props) {
  const pending = entries.filter((e) => e.state === 'pending');
  const refused = entries.filter((e) => e.state === 'refused');
  return (
    <section className="cad-pending" aria-labelledby="cad-pending-title">
      <h3 id="cad-pending-title">
        Pending actions <span className="cad-count">{pending.length}</span>
      </h3>
      {entries.length === 0 ? <p className="cad-muted">All actions confirmed by the SMS.</p> : null}
      <ul>
        {pending.map((e) => (
          <li key={e.id} className="cad-pending__item">
            <span className="cad-pending__tag">WAITING</span>
            {e.label}
            <span className="cad-muted">
              {' '}
              — waiting{e.attempts > 0 ? ` (${e.attempts} tries: ${e.error ?? 'no answer'})` : ''}
            </span>
          </li>
        ))}
        {refused.map((e) => (
          <li key={e.id} className="cad-pending__item cad-pending__item--refused" role="alert">
            <span className="cad-pending__tag">REFUSED</span>
            Refused and rolled back: {e.label} — {e.error}{' '}
            <button type="button" onClick={() => onDismiss(e.id)}>
              Dismiss refusal of {e.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
