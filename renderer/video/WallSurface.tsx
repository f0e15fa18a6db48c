import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { roomPresetFor } from '../../shared/domain/roomPreset';
import { ROOM_WALL_ID, emptyWall, mayArrangeWall, personalWallId } from '../../shared/domain/wallRules';
import {
  MAX_TOUR_CAMERAS,
  WallLayoutSchema,
  type Camera,
  type Snapshot,
  type WallLayout,
  type WallPreset,
} from '../../shared/protocol';
import { useSendCommand } from '../commands/CommandsContext';
import { useSession } from '../session/SessionContext';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { workstationBus } from '../workstation/selection';
import { CameraList } from './CameraList';
import { LAYOUT_LABELS, layoutGeometry } from './layoutGeometry';
import { LayoutEditor } from './layoutEditor/LayoutEditor';
import { PresetControls } from './PresetControls';
import { TourControls } from './TourControls';
import { useDocumentVisible } from './useDocumentVisible';
import { VideoTile } from './VideoTile';
import './wall.css';

/** Below this width the wall's presets, tours and alarm tile start folded (see wall.css too). */
const NARROW_WALL_PX = 720;

const selectWalls = (s: Snapshot) => s.walls ?? [];
const selectCameras = (s: Snapshot) => s.cameras;
const NO_PRESETS: WallPreset[] = [];
const selectPresets = (s: Snapshot) => s.wallPresets ?? NO_PRESETS;

/** Shown for a wall the SMS has not created yet (it does on the first change). */
const unarrangedWall = (id: string) => emptyWall(id, new Date(0).toISOString(), 'system');

/**
 * Entry point of the Video wall surface, composed by renderer/app (fixed name, no props). Shows
 * the room's shared wall (SMS state: every supervisor sees and changes the same wall) or the
 * operator's own screens, and acts on the workstation's "show on wall" messages.
 *
 * Permissions: supervisors, commanders and admins arrange the room wall; every operator may
 * send cameras to it (`wall.show`), and arranges their own screens. The SMS enforces the same
 * rule (shared/domain/wallRules.ts).
 */
export function WallSurface() {
  const { smsUrl, token, currentToken, user } = useSession();
  const send = useSendCommand();
  const visible = useDocumentVisible();
  const layoutId = useId();
  const wallPickerId = useId();
  const personalId = personalWallId(user.id);
  const [wallId, setWallId] = useState(ROOM_WALL_ID);
  const walls = useSnapshotSelect(smsUrl, token, selectWalls);
  const cameras = useSnapshotSelect(smsUrl, token, selectCameras);
  const presets = useSnapshotSelect(smsUrl, token, selectPresets);
  const made = walls?.find((w) => w.id === wallId);
  const wall = made ?? unarrangedWall(wallId);
  // The SMS starts a personal wall from the room's preset on its owner's first change; until then
  // the operator is offered that start in one step rather than shown four empty tiles unexplained.
  const startPreset = !made && wallId === personalId && presets ? roomPresetFor(presets, user.role) : undefined;
  const canArrange = mayArrangeWall({ userId: user.id, role: user.role }, wallId);
  const [selectedTile, setSelectedTile] = useState(0);
  const [localFocus, setLocalFocus] = useState<number | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [editingLayout, setEditingLayout] = useState(false);
  const alarmId = useId();
  const toolsId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const [toolsOpen, setToolsOpen] = useState(true);
  // In a narrow pane (the one-display layout) the tiles need the room: presets, tours and the
  // alarm tile start folded away.
  useLayoutEffect(() => {
    const width = sectionRef.current?.clientWidth ?? 0;
    if (width > 0 && width < NARROW_WALL_PX) setToolsOpen(false);
  }, []);
  // Tours are SMS state (`wall.tour`): the SMS steps them and every workstation shows the same.
  const [dwellS, setDwellS] = useState(20);

  const byId = useMemo(() => new Map((cameras ?? []).map((c) => [c.id, c] as [string, Camera])), [cameras]);
  const geometry = layoutGeometry(wall.layout, wall.custom);
  const focusedTile = canArrange ? wall.focusedTile : localFocus;

  const run = useCallback(
    (p: Promise<unknown>) => {
      setMessage(null);
      p.catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
    },
    [setMessage],
  );

  // "Show on wall" from any window of this workstation (console, map, incident): the cameras go
  // to the room's wall (the dispatcher's "send to wall"), and to the wall shown here if another.
  useEffect(
    () =>
      workstationBus.subscribe((m) => {
        if (m.type !== 'showOnWall') return;
        run(send('wall.show', { wallId: ROOM_WALL_ID, cameraIds: m.cameraIds }));
        if (wallId !== ROOM_WALL_ID) run(send('wall.show', { wallId, cameraIds: m.cameraIds }));
      }),
    [send, run, wallId],
  );

  const toggleFocus = (tile: number) => {
    const next = focusedTile === tile ? null : tile;
    if (canArrange) run(send('wall.focus', { wallId, tile: next }));
    else setLocalFocus(next);
  };
  const putCamera = (tile: number, cameraId: string | null) => run(send('wall.tile', { wallId, tile, cameraId }));

  const tiles = geometry.cells.map((cell, index) => ({ cell, index, tile: wall.tiles[index] }));
  const startTileTour = (cameraIds: string[]) =>
    run(
      send('wall.tour', {
        wallId,
        tile: selectedTile,
        plan: { kind: 'cameras', cameraIds: cameraIds.slice(0, MAX_TOUR_CAMERAS), dwellSeconds: dwellS },
      }),
    );
  const shown = focusedTile === null ? tiles : tiles.filter((t) => t.index === focusedTile);

  return (
    <section aria-label="Video wall" className="surface video-wall" ref={sectionRef}>
      <header className="video-wall__bar">
        <h2>Video wall</h2>
        <label htmlFor={wallPickerId}>Wall</label>
        <select id={wallPickerId} value={wallId} onChange={(e) => setWallId(e.target.value)}>
          <option value={ROOM_WALL_ID}>Control room wall</option>
          <option value={personalId}>My screens</option>
        </select>
        <label htmlFor={layoutId}>Layout</label>
        <select
          id={layoutId}
          value={wall.layout}
          disabled={!canArrange}
          onChange={(e) =>
            run(send('wall.layout', { wallId, layout: WallLayoutSchema.parse(e.target.value) as WallLayout }))
          }
        >
          {WallLayoutSchema.options
            .filter((l) => l !== 'custom' || wall.layout === 'custom')
            .map((l) => (
              <option key={l} value={l}>
                {LAYOUT_LABELS[l]}
              </option>
            ))}
        </select>
        <button
          type="button"
          className="video-wall__button"
          disabled={!canArrange}
          onClick={() => setEditingLayout(true)}
        >
          Custom layout…
        </button>
        {editingLayout && (
          <LayoutEditor
            layout={wall.layout}
            custom={wall.custom}
            onApply={(custom) => send('wall.layout', { wallId, layout: 'custom', custom })}
            onClose={() => setEditingLayout(false)}
          />
        )}
        <button
          type="button"
          className="video-wall__button"
          aria-expanded={toolsOpen}
          aria-controls={toolsId}
          onClick={() => setToolsOpen((open) => !open)}
        >
          {toolsOpen ? '▾' : '▸'} Presets, tours and alarms
        </button>
        <div id={toolsId} className="video-wall__tools" hidden={!toolsOpen}>
          <PresetControls wallId={wallId} wall={wall} tiles={geometry.cells.length} canArrange={canArrange} run={run} />
          <label htmlFor={alarmId}>Alarm pop-ups on</label>
          <select
            id={alarmId}
            value={wall.alarmTile}
            disabled={!canArrange}
            onChange={(e) => run(send('wall.alarmTile', { wallId, tile: Number(e.target.value) }))}
          >
            {geometry.cells.map((_, i) => (
              <option key={i} value={i}>
                Tile {i + 1}
              </option>
            ))}
          </select>
          <TourControls
            wallId={wallId}
            wall={wall}
            tiles={geometry.cells.length}
            cameras={cameras ?? []}
            canArrange={canArrange}
            dwellSeconds={dwellS}
            onDwell={setDwellS}
            run={run}
          />
        </div>
        <p className="video-wall__who">
          {canArrange
            ? `Changed by ${wall.updatedBy}`
            : 'Only supervisors arrange the room wall; you can send cameras to it.'}
        </p>
        {startPreset && (
          <p className="video-wall__start">
            Your screens are not set up yet: they start from the room&apos;s “{startPreset.name}” preset.{' '}
            <button
              type="button"
              className="video-wall__button"
              onClick={() => run(send('wall.presetApply', { wallId, presetId: startPreset.id }))}
            >
              Set up my screens
            </button>
          </p>
        )}
        {message && (
          <p className="video-wall__error" role="alert">
            {message}
          </p>
        )}
      </header>
      <div className="video-wall__body">
        <div
          className="video-wall__grid"
          style={{
            gridTemplateColumns: `repeat(${focusedTile === null ? geometry.columns : 1}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${focusedTile === null ? geometry.rows : 1}, minmax(0, 1fr))`,
          }}
        >
          {shown.map(({ cell, index, tile }) => {
            const camera = tile?.cameraId ? (byId.get(tile.cameraId) ?? null) : null;
            const alarmReason = tile?.alertId ? `Alarm ${tile.alertId}` : null;
            return (
              <VideoTile
                key={index}
                index={index}
                camera={camera}
                cameraId={tile?.cameraId ?? null}
                alertId={tile?.alertId ?? null}
                touring={tile?.tour ? 'Tile tour' : wall?.tour ? 'Wall tour' : null}
                focused={focusedTile === index}
                selected={selectedTile === index}
                visible={visible}
                style={
                  focusedTile === null
                    ? {
                        gridColumn: `${cell.col + 1} / span ${cell.width}`,
                        gridRow: `${cell.row + 1} / span ${cell.height}`,
                      }
                    : {}
                }
                smsUrl={smsUrl}
                token={currentToken}
                operator={user.username}
                reason={(tile?.cameraId ? reasons[tile.cameraId] : undefined) ?? alarmReason}
                onReason={(cameraId, reason) => setReasons((r) => ({ ...r, [cameraId]: reason }))}
                onSelect={() => setSelectedTile(index)}
                onToggleFocus={() => toggleFocus(index)}
                onClear={() => putCamera(index, null)}
                onDropCamera={(cameraId) => putCamera(index, cameraId)}
                onDropTile={(from) => run(send('wall.swap', { wallId, a: from, b: index }))}
                onAcknowledge={(alertId) =>
                  run(send('alert.acknowledge', { alertId }, 'Acknowledge alarm on the wall'))
                }
              />
            );
          })}
        </div>
        <CameraList
          cameras={cameras ?? []}
          selectedTile={selectedTile}
          onPut={(cameraId) => putCamera(selectedTile, cameraId)}
          onTour={startTileTour}
        />
      </div>
    </section>
  );
}
