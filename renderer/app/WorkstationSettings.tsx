import { useEffect, useId, useRef, useState } from 'react';
import type { HostBridge } from '../../shared/host/bridge';
import type { LayoutSize, WindowRole, WorkstationProfile } from '../../shared/host/profile';
import { ROLE_NAMES, WINDOW_ROLES, WorkstationProfileSchema } from '../../shared/host/profile';

const SIZES: readonly LayoutSize[] = [1, 2, 3, 4];

/**
 * The workstation settings, in a modal dialog: the SMS address (used from the next start: the
 * Electron shell builds its content security policy from it) and the role of each display for
 * one to four displays. Saved through the host, which validates it again.
 */
export function WorkstationSettingsButton({ host }: { host: HostBridge }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="button--quiet"
        aria-label="Workstation settings"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        ⚙ Settings
      </button>
      <dialog ref={dialog} className="shell-settings" aria-labelledby="settings-title" onClose={() => setOpen(false)}>
        {open && <SettingsForm host={host} onDone={() => setOpen(false)} />}
      </dialog>
    </>
  );
}

function SettingsForm({ host, onDone }: { host: HostBridge; onDone: () => void }) {
  const [profile, setProfile] = useState<WorkstationProfile | null>(null);
  const [smsText, setSmsText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const smsId = useId();
  const smsHint = useId();
  useEffect(() => {
    let live = true;
    host
      .loadProfile()
      .then((loaded) => {
        if (!live) return;
        setProfile(loaded);
        setSmsText(loaded.smsUrl ?? '');
      })
      .catch((error: unknown) => setMessage({ ok: false, text: String(error) }));
    return () => {
      live = false;
    };
  }, [host]);

  if (!profile) return <p role="status">Loading the workstation settings…</p>;

  const setRole = (size: LayoutSize, index: number, role: WindowRole) => {
    const roles = [...profile.layouts[size]];
    // Choosing a role another display had swaps the two, so a layout never shows a role twice.
    const other = roles.indexOf(role);
    if (other >= 0) roles[other] = roles[index] ?? role;
    roles[index] = role;
    setProfile({ ...profile, layouts: { ...profile.layouts, [size]: roles } });
  };

  const save = async () => {
    const candidate = WorkstationProfileSchema.safeParse({ ...profile, smsUrl: smsText.trim() || null });
    if (!candidate.success) {
      setMessage({ ok: false, text: 'The SMS address must be an http:// or https:// address, or left empty.' });
      return;
    }
    try {
      await host.saveProfile(candidate.data);
      setProfile(candidate.data);
      setMessage({ ok: true, text: 'Saved. A new SMS address is used from the next start.' });
    } catch (error) {
      setMessage({ ok: false, text: `Not saved: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <form
      method="dialog"
      // Validated against the profile schema on save, with a message that says what is wrong.
      noValidate
      className="shell-settings__form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="settings-title">Workstation settings</h2>
      <label htmlFor={smsId}>SMS address</label>
      <input
        id={smsId}
        type="url"
        value={smsText}
        placeholder="https://sms.example:7300"
        aria-describedby={smsHint}
        aria-invalid={message?.ok === false}
        onChange={(e) => setSmsText(e.target.value)}
      />
      <p id={smsHint} className="shell-settings__hint">
        Empty: the address given at start-up. Used from the next start.
      </p>
      {SIZES.map((size) => (
        <fieldset key={size} className="shell-settings__layout">
          <legend>{size === 1 ? 'With one display' : `With ${size} displays`}</legend>
          {profile.layouts[size].map((role, index) => (
            <label key={index} className="shell-settings__display">
              <span>{index === 0 ? 'Display 1 (primary)' : `Display ${index + 1}`}</span>
              <select
                value={role}
                onChange={(e) => setRole(size, index, e.target.value as WindowRole)}
                aria-label={`Role of display ${index + 1} with ${size} display${size === 1 ? '' : 's'}`}
              >
                {WINDOW_ROLES.filter((r) => size === 1 || r !== 'combined').map((r) => (
                  <option key={r} value={r}>
                    {ROLE_NAMES[r]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      ))}
      <p
        role="status"
        className={
          message
            ? `shell-settings__message shell-settings__message--${message.ok ? 'ok' : 'bad'}`
            : 'shell-settings__message'
        }
      >
        {message && (message.ok ? '✓ ' : '✗ ')}
        {message?.text}
      </p>
      <div className="shell-settings__actions">
        <button type="submit">Save settings</button>
        <button type="button" className="button--quiet" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
