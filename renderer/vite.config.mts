import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// During `vite` development the SMS is proxied, so the renderer keeps talking to its own origin.
const sms = process.env.JCCR_SMS_URL ?? 'http://127.0.0.1:7300';

/** The renderer: one bundle for Electron (custom scheme) and the browser host (served by the SMS). */
export default defineConfig({
  root,
  // Relative asset URLs: the bundle is loaded from `jccr://app/` and from the SMS's `/`.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': sms,
      '/hls': sms,
      '/socket.io': { target: sms, ws: true },
    },
  },
});
