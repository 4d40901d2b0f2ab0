// Runs in: vitest (Node, real models where noted). The `face` CLI commands mounted on a commander program, run on the committed fixtures with real models.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerFaceCommands } from '../../../main/face/cli';

const PAIRS = path.join(__dirname, '../../fixtures/face-pairs');

async function run(args: string[]): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    const program = new Command().exitOverride();
    // `face report` is the only command that opens the database; the others never call this.
    registerFaceCommands(program, () => Promise.reject(new Error('no database in these tests')));
    await program.parseAsync(['node', 'arrivals', ...args]);
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('face CLI', () => {
  it('face eval --json reports the required keys, with Yes/No labels and groups', async () => {
    const csv = [
      'file_x,file_y,same,group',
      's1f0_base.jpg,s1f0_light.jpg,Yes,light',
      's2f0_base.jpg,s2f0_blur.jpg,Yes,blur',
      's3f0_base.jpg,s3f0_pose.jpg,1,pose',
      's1f0_base.jpg,s2f0_base.jpg,No,base',
      's2f0_light.jpg,s3f0_pose.jpg,0,pose',
      's3f0_blur.jpg,s1f0_light.jpg,0,light',
      's1f0_base.jpg,missing.jpg,0,base',
    ].join('\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'face-cli-')), 'pairs.csv');
    fs.writeFileSync(file, csv);
    const out = JSON.parse(
      await run(['face', 'eval', '--pairs', file, '--images', PAIRS, '--json']),
    ) as Record<string, unknown>;
    for (const k of ['auc', 'eer', 'fnmrAtFmr1', 'fnmrAtFmr01', 'failures', 'pairs'])
      expect(out).toHaveProperty(k);
    expect(out.pairs).toBe(6);
    expect(out.auc).toBe(1);
    expect(out.failures).toEqual([{ file: 'missing.jpg', reason: 'file not found' }]);
    expect(out.fnmrAtFmr1).toBeNull(); // 3 impostors cannot support FMR 1 %
    expect((out.notes as string[]).join(' ')).toMatch(/impostor pairs/);
    expect((out.perGroup as unknown[]).length).toBe(4);
  });

  it('face verify prints the band and face embed --json prints a 512-d template', async () => {
    const v = await run([
      'face',
      'verify',
      path.join(PAIRS, 's5f0_light.jpg'),
      path.join(PAIRS, 's5f0_base.jpg'),
    ]);
    expect(v).toMatch(/^MATCH {2}score 0\.\d+/);
    const e = JSON.parse(await run(['face', 'embed', path.join(PAIRS, 's5f0_base.jpg'), '--json'])) as {
      embedding: number[];
      modelVersion: string;
    };
    expect(e.embedding).toHaveLength(512);
    expect(e.modelVersion).toMatch(/faceplugin/);
  });
});
