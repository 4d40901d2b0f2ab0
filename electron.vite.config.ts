// Build config for all three processes. Runs in: build tooling (Node).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * V8's explicit compile hint on every chunk but the entry's: the signed-in app's chunks are loaded
 * while the sign-in form waits (App, booth/warm-up.ts), and with the hint V8 compiles them then,
 * off the main thread, instead of function by function while the first page after sign-in draws.
 * The first screen's own chunk stays lazily compiled. Written into the files after the bundle is
 * (the comment must open the file, and minifying would strip it).
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const compileHints = (): Plugin => ({
  name: 'arrivals-compile-hints',
  apply: 'build',
  writeBundle(options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || chunk.isEntry || !options.dir) continue;
      const file = resolve(options.dir, chunk.fileName);
      const code = readFileSync(file, 'utf8');
      if (!code.startsWith(COMPILE_HINT)) writeFileSync(file, COMPILE_HINT + code);
    }
  },
});

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
          'bundle-worker': resolve(__dirname, 'main/sync/bundle-worker.ts'),
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
    plugins: [react(), compileHints()],
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
