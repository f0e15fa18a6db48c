import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The map bench's page script: one classic script, injected before the app (see installMapBench). */
export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    outDir: '../../../out/bench/map',
    emptyOutDir: true,
    target: 'es2023',
    minify: false,
    reportCompressedSize: false,
    lib: { entry: 'pageHook.ts', formats: ['iife'], name: 'jccrMapBenchHook', fileName: () => 'pageHook.js' },
  },
});
