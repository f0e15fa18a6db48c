import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the map's test-only harness page (renderer/map/harness) into out/map-harness, for the
// map benchmark and the map e2e tests. Same settings as the renderer's own build.
const root = fileURLToPath(new URL('../../../renderer/map/harness', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../../out/map-harness', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    reportCompressedSize: false,
  },
});
