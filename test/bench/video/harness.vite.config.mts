import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the video wall's test-only harness page (renderer/video/harness) into out/video-harness,
// for the video benchmark and the video e2e tests. Same settings as the renderer's own build.
const root = fileURLToPath(new URL('../../../renderer/video/harness', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../../out/video-harness', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    reportCompressedSize: false,
  },
});
