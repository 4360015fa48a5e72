// Builds the Electron main process, the preload and the renderer from the folders DESIGN.md names.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

// The production page carries its own CSP too, so it holds even where no header is set (Electron file://).
// connect-src 'self' lets the browser host's page reach its own bridge socket; Electron needs no network at all.
const productionCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const cspMetaTag = (): Plugin => ({
  name: 'practice-messenger-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: productionCsp },
      injectTo: 'head-prepend',
    },
  ],
});

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
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
