import { useEffect, useState } from 'react';
import { reasonRequired } from '../../shared/domain/viewPolicy';
import type { Camera } from '../../shared/protocol';
import { CommandRefusedError } from '../commands/commandClient';
import { useSendCommand } from '../commands/CommandsContext';

const RETRY_MS = 2_000;

/** Where an audited view stands: waiting for a reason, being opened, open, or refused. */
export type ViewState =
  | { status: 'none' }
  | { status: 'needsReason'; why: string }
  | { status: 'opening' }
  | { status: 'open'; viewId: string }
  | { status: 'refused'; message: string };

/** Why this camera needs a reason to watch live, or null (the SMS applies the same rule). */
export function liveReasonNeeded(camera: Camera): string | null {
  return reasonRequired(camera, 'live');
}

/**
 * Opens an audited `camera.view` for as long as a tile shows a camera, and closes it
 * (`camera.viewEnd`) when the tile changes or goes away, so the SMS's audit holds who watched
 * which camera on which screen from when to when. A third-party camera waits for a reason.
 */
export function useCameraView(camera: Camera | null, screen: string, reason: string | null): ViewState {
  const send = useSendCommand();
  // The answer for one request key; anything else is derived, so the effect only talks to the SMS.
  const [answer, setAnswer] = useState<{ key: string; state: ViewState } | null>(null);
  const cameraId = camera?.id ?? null;
  const why = camera ? liveReasonNeeded(camera) : null;
  const waiting = why !== null && reason === null;
  const key = `${cameraId ?? ''}|${screen}|${reason ?? ''}`;
  useEffect(() => {
    if (cameraId === null || waiting) return;
    let cancelled = false;
    let viewId: string | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      send('camera.view', { cameraId, screen, mode: 'live', ...(reason === null ? {} : { reason }) }).then(
        (result) => {
          viewId = result.viewId;
          if (cancelled) void send('camera.viewEnd', { viewId, cameraId, screen }).catch(() => undefined);
          else setAnswer({ key, state: { status: 'open', viewId } });
        },
        (error: unknown) => {
          if (cancelled) return;
          // Not connected yet, or no answer: the view (and so the picture) waits and tries again.
          if (!(error instanceof CommandRefusedError)) retry = setTimeout(open, RETRY_MS);
          else setAnswer({ key, state: { status: 'refused', message: error.message } });
        },
      );
    };
    open();
    return () => {
      cancelled = true;
      clearTimeout(retry);
      if (viewId !== null) void send('camera.viewEnd', { viewId, cameraId, screen }).catch(() => undefined);
    };
  }, [send, cameraId, waiting, screen, reason, key]);
  if (cameraId === null) return { status: 'none' };
  if (why !== null && waiting) return { status: 'needsReason', why };
  return answer?.key === key ? answer.state : { status: 'opening' };
}
