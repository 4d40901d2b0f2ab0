// Runs in: tests (Node). A child process's output, kept whole, and its progress lines (one
// "<prefix> {JSON}" per line on stderr) handed over as they arrive: where the crash tests place
// their kills, on what the child says it has committed rather than on the clock.
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export function watchProgress<T>(
  child: ChildProcessByStdio<null, Readable, Readable>,
  prefix: string,
  onStep: (p: T) => void,
): () => string {
  let out = '';
  let pending = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
    pending += d.toString();
    for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
      const line = pending.slice(0, i);
      pending = pending.slice(i + 1);
      if (line.startsWith(`${prefix} `)) onStep(JSON.parse(line.slice(prefix.length + 1)) as T);
    }
  });
  return () => out;
}
