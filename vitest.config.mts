// Runs in: test tooling. Two projects: services in Node (real SQLite files, real ONNX), and the
// renderer's components in jsdom with Testing Library.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    // Caps against a hang, not targets: real SQLite files, ONNX inference and HTTP servers take
    // several times longer when both cores are busy with another process, and must still pass.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    projects: [
      {
        // extends: the root's timeouts apply to each project too.
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'main/**/*.test.ts'],
          exclude: ['tests/unit/renderer/**'],
          pool: 'forks',
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
