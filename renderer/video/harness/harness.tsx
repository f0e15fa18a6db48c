// TEST-ONLY page (video e2e and benchmark until the shell composes WallSurface in renderer/app):
// signs in as the demo user named by `?user=` (supervisor by default), opens the one live
// connection and shows WallSurface full-window. Built by test/bench/video/harness.vite.config.mts
// only, never into the app.
import '../../app/zodConfig';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { StoredSession } from '../../../shared/host/bridge';
import { CommandsProvider } from '../../commands/CommandsContext';
import { startLiveConnection, type LiveConnection } from '../../connection/liveConnection';
import { SessionProvider } from '../../session/SessionContext';
import { signIn } from '../../session/signIn';
import '../../theme/theme.css';
import { WallSurface } from '../WallSurface';
import { isBenchMode, startBench } from './benchPage';

function readOverride(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

const queryClient = new QueryClient();
const smsUrl = location.origin;
const username = new URLSearchParams(location.search).get('user') ?? 'supervisor';

function Harness() {
  const [session, setSession] = useState<StoredSession | null>(null);
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  useEffect(() => {
    // The connection starts once signed in, in the same callback; the page lives until the test ends.
    void signIn(smsUrl, username, 'jccr-demo').then((signedIn) => {
      setSession(signedIn);
      setConnection(
        startLiveConnection({ smsUrl, token: signedIn.token, queryClient, onUnauthorized: () => undefined }),
      );
    });
  }, []);
  if (!session || !connection) return <p>Signing in…</p>;
  return (
    <SessionProvider value={{ smsUrl, token: session.token, currentToken: () => session.token, user: session.user }}>
      <CommandsProvider connection={connection}>
        <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
          <WallSurface />
        </div>
      </CommandsProvider>
    </SessionProvider>
  );
}

// `?bench=lowLatency|tuned|hlsDefault&cameras=a,b&override=<json>`: the benchmark's bare players
// instead of the wall (see benchPage.ts). `override` is hls.js configuration (and `catchUp`) laid over the mode's,
// for tuning experiments (test-only page: read as JSON, anything not an object is ignored).
const params = new URLSearchParams(location.search);
const benchMode = params.get('bench');
const root = document.getElementById('root');
if (isBenchMode(benchMode)) {
  const cameraIds = (params.get('cameras') ?? '').split(',').filter(Boolean);
  const stream = params.get('stream') === 'main' ? 'main' : 'sub';
  void signIn(smsUrl, username, 'jccr-demo').then((s) =>
    startBench(
      cameraIds.map((id) => `${smsUrl}/hls/${id}/${stream}.m3u8`),
      s.token,
      benchMode,
      readOverride(params.get('override')),
    ),
  );
} else if (root)
  createRoot(root).render(
    <QueryClientProvider client={queryClient}>
      <Harness />
    </QueryClientProvider>,
  );
