/**
 * The per-tile watchdog: a pure state machine fed with what the player reports (progress,
 * errors) and a clock tick, answering what to do next. It escalates recover-media, reload the
 * stream, rebuild the player, with exponential back-off capped at `MAX_BACKOFF_MS`, and never
 * gives up: a camera that comes back is picked up by the next attempt. One tile's watchdog knows
 * nothing of the others, so one tile's failure cannot touch another.
 */

/** What the tile says about its picture. */
export type WatchdogPhase = 'starting' | 'playing' | 'stalled';

/** A recovery step, mildest first. */
export type RecoveryAction = 'recoverMedia' | 'reloadStream' | 'rebuildPlayer';

export interface WatchdogState {
  phase: WatchdogPhase;
  /** When playback last advanced (or the player was (re)built). */
  lastProgressAt: number;
  /** Media time at the last progress, seconds. */
  position: number;
  /** Recovery attempts since playback last advanced. */
  attempt: number;
  /** When the next recovery step may run (back-off); -Infinity when none is due. */
  nextActionAt: number;
  /** Why the picture is not live, in words, for the tile. */
  problem: string | null;
}

export type WatchdogInput =
  | { type: 'tick'; at: number }
  | { type: 'progress'; at: number; position: number }
  | { type: 'error'; at: number; kind: 'media' | 'network' | 'other'; fatal: boolean; detail: string };

/** No progress for this long while playing: the picture is frozen. */
export const STALL_MS = 4_000;
/** A new player gets this long to show its first frame. */
export const START_MS = 10_000;
export const BASE_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;

const LADDER: readonly RecoveryAction[] = ['recoverMedia', 'reloadStream', 'rebuildPlayer'];

/** Back-off before attempt `n` (1-based): 1 s, 2 s, 4 s … capped. */
export function backoff(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
}

export function initialWatchdog(at: number): WatchdogState {
  return { phase: 'starting', lastProgressAt: at, position: 0, attempt: 0, nextActionAt: -Infinity, problem: null };
}

/**
 * The step for attempt `n`: the first goes by the error's kind (a media error is recovered in
 * place, a network error reloads), later ones climb the ladder to a rebuilt player.
 */
function actionFor(attempt: number, kind: 'media' | 'network' | 'other' | 'stall'): RecoveryAction {
  if (attempt <= 1)
    return kind === 'media' || kind === 'stall'
      ? 'recoverMedia'
      : kind === 'network'
        ? 'reloadStream'
        : 'rebuildPlayer';
  return LADDER[Math.min(attempt - 1, LADDER.length - 1)] ?? 'rebuildPlayer';
}

function recover(
  state: WatchdogState,
  at: number,
  kind: 'media' | 'network' | 'other' | 'stall',
  problem: string,
): { state: WatchdogState; action: RecoveryAction | null } {
  if (at < state.nextActionAt) return { state: { ...state, phase: 'stalled', problem }, action: null };
  const attempt = state.attempt + 1;
  return {
    state: { ...state, phase: 'stalled', attempt, nextActionAt: at + backoff(attempt), problem },
    action: actionFor(attempt, kind),
  };
}

export function stepWatchdog(
  state: WatchdogState,
  input: WatchdogInput,
): { state: WatchdogState; action: RecoveryAction | null } {
  switch (input.type) {
    case 'progress':
      if (input.position <= state.position) return { state, action: null };
      return {
        state: {
          phase: 'playing',
          lastProgressAt: input.at,
          position: input.position,
          attempt: 0,
          nextActionAt: -Infinity,
          problem: null,
        },
        action: null,
      };
    case 'error':
      // hls.js recovers non-fatal errors itself; only fatal ones need us.
      if (!input.fatal) return { state, action: null };
      return recover(state, input.at, input.kind, input.detail);
    case 'tick': {
      const quiet = input.at - state.lastProgressAt;
      const limit = state.phase === 'starting' ? START_MS : STALL_MS;
      if (state.phase !== 'stalled' && quiet < limit) return { state, action: null };
      if (state.phase === 'stalled' && input.at < state.nextActionAt) return { state, action: null };
      const problem =
        state.phase === 'starting'
          ? 'No picture yet'
          : (state.problem ?? `No new frames for ${Math.round(quiet / 1000)} s`);
      return recover(state, input.at, 'stall', problem);
    }
  }
}
