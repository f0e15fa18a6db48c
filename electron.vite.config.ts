import { defineConfig } from 'electron-vite';

/**
 * Electron's main process and preload. The renderer is built on its own by
 * `renderer/vite.config.mts` (the same bundle also runs in a plain browser), and main
 * serves it from `out/renderer` over the app scheme.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: 'electron/main/index.ts', formats: ['cjs'] },
      // Bundled (zod included) so the packaged app carries no node_modules: see build/electron-builder.yml.
      externalizeDeps: false,
      rollupOptions: { external: ['electron'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: 'electron/preload/index.ts', formats: ['cjs'] },
      // A sandboxed preload can only require `electron`: bundle everything else (zod).
      externalizeDeps: false,
      rollupOptions: { external: ['electron'] },
    },
  },
});
