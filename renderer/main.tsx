import './app/zodConfig';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { boot } from './app/boot';
import { pickHost } from './host/pickHost';
import './theme/theme.css';

const host = pickHost(window);
const booting = boot(host);
const queryClient = new QueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={<p className="booting">Starting JCCR…</p>}>
        <App host={host} booting={booting} />
      </Suspense>
    </QueryClientProvider>
  </StrictMode>,
);
