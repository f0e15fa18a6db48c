import { useId, useState, type FormEvent } from 'react';
import type { Wall } from '../../shared/protocol';
import { presetKey, presetOf, readPresets, savePreset, type WallPreset } from './presets';

/** Save the wall as a personal preset, or restore one (restoring needs the right to arrange the wall). */
export function PresetControls(props: {
  smsUrl: string;
  userId: string;
  wall: Wall;
  tiles: number;
  canArrange: boolean;
  onApply: (preset: WallPreset) => void;
}) {
  const key = presetKey(props.smsUrl, props.userId);
  const pickId = useId();
  const nameId = useId();
  const [presets, setPresets] = useState(() => readPresets(localStorage, key));
  const [name, setName] = useState('');
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return;
    setPresets(savePreset(localStorage, key, presetOf(name.trim(), props.wall, props.tiles)));
    setName('');
  };
  return (
    <form className="video-wall__presets" onSubmit={save}>
      <label htmlFor={pickId}>Preset</label>
      <select
        id={pickId}
        value=""
        disabled={!props.canArrange || presets.length === 0}
        onChange={(e) => {
          const preset = presets.find((p) => p.name === e.target.value);
          if (preset) props.onApply(preset);
        }}
      >
        <option value="">{presets.length === 0 ? 'None saved' : 'Restore…'}</option>
        {presets.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor={nameId}>Preset name</label>
      <input id={nameId} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="video-wall__button" disabled={name.trim() === ''}>
        Save preset
      </button>
    </form>
  );
}
