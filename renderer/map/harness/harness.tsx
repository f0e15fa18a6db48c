// TEST-ONLY page (benchmark and e2e until the shell composes MapSurface in renderer/app): signs
// in as the demo dispatcher, opens the one live connection and shows MapSurface full-window. It
// is built by test/bench/map/harness.vite.config.mts only, never into the app.
import '../../app/zodConfig';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { StoredSession } from '../../../shared/host/bridge';
import { startLiveConnection } from '../../connection/liveConnection';
import { SessionProvider } from '../../session/SessionContext';
import { signIn } from '../../session/signIn';
import '../../theme/theme.css';
import { MapSurface } from '../MapSurface';

const queryClient = new QueryClient();
const smsUrl = location.origin;

function Harness() {
  const [session, setSession] = useState<StoredSession | null>(null);
  useEffect(() => {
    void signIn(smsUrl, 'dispatcher', 'jccr-demo').then(setSession);
  }, []);
  useEffect(() => {
    if (!session) return;
    const connection = startLiveConnection({
      smsUrl,
      token: session.token,
      queryClient,
      onUnauthorized: () => undefined,
    });
    return () => connection.stop();
  }, [session]);
  if (!session) return <p>Signing in…</p>;
  return (
    <SessionProvider value={{ smsUrl, token: session.token, user: session.user }}>
      <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <MapSurface />
      </div>
    </SessionProvider>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <QueryClientProvider client={queryClient}>
      <Harness />
    </QueryClientProvider>,
  );
