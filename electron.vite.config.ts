// Builds the Electron main process, the preload and the renderer from the folders DESIGN.md names.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        // The cache writer thread's entry is loaded by file name (main/core/cache/writer/writer-client.ts),
        // and chunks stay beside the entries so `./cache-writer.js` resolves from any of them.
        input: {
          index: resolve('main/electron/index.ts'),
          'cache-writer': resolve('main/core/cache/writer/worker-main.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
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
    // No <meta> CSP: each host sends the page's one policy as a header (Electron: security/app-protocol.ts;
    // browser host: main/web/content-security-policy.ts), so no second policy can disagree with it.
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
