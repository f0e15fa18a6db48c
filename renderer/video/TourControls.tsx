import { useEffect, useId, useMemo, useState } from 'react';
import { mayTour } from '../../shared/domain/viewPolicy';
import {
  MAX_TOUR_CAMERAS,
  MAX_TOUR_PRESETS,
  type Camera,
  type CommandPayload,
  type Snapshot,
  type Wall,
  type WallPreset,
} from '../../shared/protocol';
import { useSendCommand } from '../commands/CommandsContext';
import { useSession } from '../session/SessionContext';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { presetGroups } from './presets';
import { tourLines } from './tourStatus';

const NO_PRESETS: WallPreset[] = [];
const selectPresets = (s: Snapshot) => s.wallPresets ?? NO_PRESETS;

/** Dwell choices offered, in seconds. */
const TOUR_DWELLS = [10, 20, 30, 60] as const;

/**
 * Tours are SMS state: started and stopped here with `wall.tour`, stepped by the SMS, so every
 * workstation showing the wall sees the same cameras. Shows each running tour with where it
 * stands ("Touring: 3 of 8, next in 12 s") and a button to stop it.
 */
export function TourControls(props: {
  wallId: string;
  wall: Wall;
  tiles: number;
  cameras: readonly Camera[];
  canArrange: boolean;
  dwellSeconds: number;
  onDwell: (seconds: number) => void;
  /** Runs a command and shows its refusal, if any. */
  run: (p: Promise<unknown>) => void;
}) {
  const { smsUrl, token, user } = useSession();
  const send = useSendCommand();
  const dwellId = useId();
  const allPresets = useSnapshotSelect(smsUrl, token, selectPresets) ?? NO_PRESETS;
  const mine = useMemo(
    () =>
      presetGroups(allPresets, user)
        .filter((g) => g.applicable)
        .flatMap((g) => g.presets),
    [allPresets, user],
  );
  const lines = tourLines(props.wall, props.tiles, allPresets, useNow(props.wall));
  const tour = (tile: number | null, plan: CommandPayload<'wall.tour'>['plan']) =>
    props.run(send('wall.tour', { wallId: props.wallId, tile, plan }));
  const tourable = props.cameras.filter(mayTour).map((c) => c.id);

  return (
    <div className="video-wall__presets" role="group" aria-label="Tours">
      <label htmlFor={dwellId}>Tour dwell</label>
      <select id={dwellId} value={props.dwellSeconds} onChange={(e) => props.onDwell(Number(e.target.value))}>
        {TOUR_DWELLS.map((s) => (
          <option key={s} value={s}>
            {s} s
          </option>
        ))}
      </select>
      <button
        type="button"
        className="video-wall__button"
        disabled={!props.canArrange || tourable.length === 0}
        onClick={() =>
          tour(null, {
            kind: 'cameras',
            cameraIds: tourable.slice(0, MAX_TOUR_CAMERAS),
            dwellSeconds: props.dwellSeconds,
          })
        }
      >
        ▶ Tour all cameras
      </button>
      <button
        type="button"
        className="video-wall__button"
        disabled={!props.canArrange || mine.length < 2}
        onClick={() =>
          tour(null, {
            kind: 'presets',
            presetIds: mine.slice(0, MAX_TOUR_PRESETS).map((p) => p.id),
            dwellSeconds: props.dwellSeconds,
          })
        }
      >
        ▶ Tour my presets
      </button>
      {lines.length > 0 && (
        <ul className="video-wall__who" aria-label="Running tours">
          {lines.map((line) => (
            <li key={line.tile ?? 'wall'}>
              {line.text}{' '}
              <button
                type="button"
                className="video-wall__button"
                disabled={!props.canArrange}
                onClick={() => tour(line.tile, null)}
              >
                ■ Stop {line.tile === null ? 'wall tour' : `tile ${line.tile + 1} tour`}
              </button>
            </li>
          ))}
          <li>
            {props.wall.tour
              ? 'Putting a camera on a tile by hand, swapping or sending to the wall stops the wall tour.'
              : 'Putting a camera on a touring tile by hand, or swapping it, stops its tour.'}
          </li>
        </ul>
      )}
    </div>
  );
}

/** This workstation's clock, read once a second while the wall has a tour (for the countdowns). */
function useNow(wall: Wall): number {
  const touring = (wall.tour ?? null) !== null || wall.tiles.some((t) => t.tour !== undefined);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!touring) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [touring]);
  return now;
}
