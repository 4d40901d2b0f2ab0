// Runs in: tests (Node). Runs the built CLI as a user would.
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

export const REPO = path.join(__dirname, '../..');

export function arrivals(
  dataDir: string,
  args: string[],
  opts: { input?: string; env?: Record<string, string>; timeout?: number } = {},
) {
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, 'bin/arrivals.js'), '--data-dir', dataDir, ...args],
    {
      encoding: 'utf8',
      input: opts.input ?? '',
      env: { ...process.env, ...opts.env },
      timeout: opts.timeout ?? 120_000,
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

/**
 * As `arrivals`, without blocking the event loop (needed when the test itself serves HTTP). A run
 * past `timeout` (a hang, not slowness: it is generous) is killed and reports code null.
 */
export function arrivalsAsync(
  dataDir: string,
  args: string[],
  opts: { timeout?: number } = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(REPO, 'bin/arrivals.js'), '--data-dir', dataDir, ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const timeout = opts.timeout ?? 180_000;
    const t = setTimeout(() => {
      out += `\n[arrivals ${args[0]} still running after ${timeout} ms: killed]`;
      child.kill('SIGKILL');
    }, timeout);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, out });
    });
  });
}
