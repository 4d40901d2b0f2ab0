// Build config for all three processes. Runs in: build tooling (Node).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          electron: resolve(__dirname, 'main/shell/electron.ts'),
          browser: resolve(__dirname, 'main/shell/browser.ts'),
          cli: resolve(__dirname, 'main/cli/index.ts'),
          'feed-verify-worker': resolve(__dirname, 'main/feed/verify-worker.ts'),
          ...(existsSync(resolve(__dirname, 'main/face/worker.ts'))
            ? { 'face-worker': resolve(__dirname, 'main/face/worker.ts') }
            : {}),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require() packages: bundle zod and the contract in.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      // Minified: the first screen parses half the script (the unminified entry is ~1.2 MB).
      minify: true,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        // Everything the entry imports statically in one chunk: the first screen then costs two
        // requests (script, styles) instead of a waterfall of small shared chunks.
        output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] } },
      },
    },
  },
});
