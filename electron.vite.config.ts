// Builds the Electron main process, the preload and the renderer from the folders DESIGN.md names.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('main/electron/index.ts') } },
    },
  },
  preload: {
    // A sandboxed preload cannot be an ES module, so it is bundled to one CommonJS file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
