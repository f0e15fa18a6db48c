import { useId, useMemo, useState, type FormEvent } from 'react';
import { ROLE_PLURALS } from '../../shared/domain/labels';
import { maySharePresets } from '../../shared/domain/wallRules';
import type { CommandPayload, Snapshot, Wall, WallPreset } from '../../shared/protocol';
import { useSendCommand } from '../commands/CommandsContext';
import { useSession } from '../session/SessionContext';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { importOf, localPresetKey, mayChangePreset, presetGroups, presetOf, readLocalPresets } from './presets';

const NO_PRESETS: WallPreset[] = [];
const selectPresets = (s: Snapshot) => s.wallPresets ?? NO_PRESETS;
const SHARE_ROLES = ['supervisor', 'dispatcher', 'commander'] as const;

/**
 * Wall presets kept by the SMS: the operator's own and those shared with their role, grouped and
 * labelled; apply one to the wall shown (one `wall.presetApply`), save the wall as it stands
 * (with its tours) for oneself or, for supervisors and above, shared with a role; delete.
 */
export function PresetControls(props: {
  wallId: string;
  wall: Wall;
  tiles: number;
  canArrange: boolean;
  /** Runs a command and shows its refusal, if any. */
  run: (p: Promise<unknown>) => void;
}) {
  const { smsUrl, token, user } = useSession();
  const send = useSendCommand();
  const pickId = useId();
  const nameId = useId();
  const scopeId = useId();
  const presets = useSnapshotSelect(smsUrl, token, selectPresets) ?? NO_PRESETS;
  const groups = useMemo(() => presetGroups(presets, user), [presets, user]);
  const [picked, setPicked] = useState('');
  const [name, setName] = useState('');
  const [scope, setScope] = useState('user');
  const canShare = maySharePresets(user.role);
  const chosenGroup = groups.find((g) => g.presets.some((p) => p.id === picked));
  const chosen = chosenGroup?.presets.find((p) => p.id === picked);

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return;
    const role = SHARE_ROLES.find((r) => scope === `role:${r}`);
    const target: CommandPayload<'wall.presetSave'>['scope'] = role ? { kind: 'role', role } : { kind: 'user' };
    props.run(send('wall.presetSave', presetOf(name.trim(), props.wall, props.tiles, target)));
    setName('');
  };

  return (
    <fieldset className="video-wall__presets">
      <legend className="visually-hidden">Presets</legend>
      <label htmlFor={pickId}>Preset</label>
      <select id={pickId} value={chosen ? picked : ''} onChange={(e) => setPicked(e.target.value)}>
        <option value="">{groups.length === 0 ? 'None saved' : 'Choose…'}</option>
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.tour ? ' (tour)' : ''}
                {g.applicable ? '' : ' (not yours to apply)'}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button
        type="button"
        className="video-wall__button"
        disabled={!chosen || !chosenGroup?.applicable || !props.canArrange}
        onClick={() => chosen && props.run(send('wall.presetApply', { wallId: props.wallId, presetId: chosen.id }))}
      >
        Apply preset
      </button>
      <button
        type="button"
        className="video-wall__button"
        disabled={!chosen || !mayChangePreset(chosen, user)}
        onClick={() => {
          if (!chosen) return;
          props.run(send('wall.presetDelete', { presetId: chosen.id }));
          setPicked('');
        }}
      >
        Delete preset
      </button>
      <form onSubmit={save} className="video-wall__presets">
        <label htmlFor={nameId}>Preset name</label>
        <input
          id={nameId}
          value={name}
          maxLength={60}
          title="Saving under a name already in that list replaces that preset."
          onChange={(e) => setName(e.target.value)}
        />
        {canShare && (
          <>
            <label htmlFor={scopeId}>Save for</label>
            <select id={scopeId} value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="user">Only me</option>
              {SHARE_ROLES.map((r) => (
                <option key={r} value={`role:${r}`}>
                  All {ROLE_PLURALS[r]}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" className="video-wall__button" disabled={name.trim() === ''}>
          Save preset
        </button>
      </form>
      <LocalPresetImport smsUrl={smsUrl} userId={user.id} run={props.run} />
    </fieldset>
  );
}

/**
 * Presets an earlier version kept on this workstation are offered once: imported into the SMS as
 * the operator's own, or discarded. Either way the local copy goes, so the offer does not return.
 */
function LocalPresetImport(props: { smsUrl: string; userId: string; run: (p: Promise<unknown>) => void }) {
  const send = useSendCommand();
  const key = localPresetKey(props.smsUrl, props.userId);
  const [local, setLocal] = useState(() => readLocalPresets(localStorage, key));
  if (local.length === 0) return null;
  const done = () => {
    localStorage.removeItem(key);
    setLocal([]);
  };
  const count = `${local.length} preset${local.length === 1 ? '' : 's'}`;
  return (
    <p className="video-wall__who">
      <button
        type="button"
        className="video-wall__button"
        onClick={() => {
          props.run(Promise.all(local.map((p) => send('wall.presetSave', importOf(p)))));
          done();
        }}
      >
        Import {count} saved on this workstation
      </button>
      <button type="button" className="video-wall__button" onClick={done}>
        Discard them
      </button>
    </p>
  );
}
