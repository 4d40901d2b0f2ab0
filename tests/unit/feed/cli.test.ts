// Runs in: tests (Node). `feed generate` writes data and ground truth that `feed serve --data`
// serves to the real client; the server refuses to listen beyond loopback.
import { afterAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { registerFeedCommands, serveFeed, type ServeOpts } from '../../../main/feed/cli';
import { fetchBatches, fetchHeader } from '../../../main/feed/client';
import { demoPinnedKeys } from '../../../main/feed/demo-key';
import { generateSigningKey } from '../../../main/feed/signing';
import type { GroundTruth } from '../../../main/feed/generator/index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function program(): Command {
  const p = new Command().exitOverride();
  registerFeedCommands(p);
  return p;
}
const generate = (...args: string[]) =>
  program().parseAsync(['node', 'arrivals', 'feed', 'generate', ...args]);

const serveOpts = (over: Partial<ServeOpts>): ServeOpts => ({
  ports: ['SYS'],
  days: '1',
  perPort: '100',
  seed: '1',
  host: '127.0.0.1',
  port: '0',
  batchSize: '40',
  ...over,
});

describe('feed CLI', () => {
  it('generates port-days, photos, lookout list and ground truth into a folder', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await generate(
        '--ports',
        'SYS,ELP',
        '--dates',
        '2026-11-22,2026-11-23',
        '--per-port',
        '150',
        '--seed',
        'demo',
        '--out',
        dir,
      );
    } finally {
      log.mockRestore();
    }
    expect(fs.readdirSync(path.join(dir, 'days')).sort()).toEqual([
      'ELP_2026-11-22.json',
      'ELP_2026-11-23.json',
      'SYS_2026-11-22.json',
      'SYS_2026-11-23.json',
    ]);
    const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
    expect(truth.patterns.length).toBeGreaterThan(10);
    expect(truth.applicants).toBeGreaterThanOrEqual(600);
    expect(fs.readdirSync(path.join(dir, 'blobs')).length).toBe(truth.applicantsWithPhoto);
  });

  it('refuses an unknown port or a malformed date', async () => {
    await expect(generate('--ports', 'XXX', '--dates', '2026-11-22', '--out', dir)).rejects.toThrow(
      /Unknown port/,
    );
    await expect(generate('--ports', 'SYS', '--dates', '22/11/2026', '--out', dir)).rejects.toThrow(
      /YYYY-MM-DD/,
    );
  });

  it('serves the generated folder; the client verifies it with the pinned demo key', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const server = await serveFeed(serveOpts({ data: dir }));
    log.mockRestore();
    try {
      const { header } = await fetchHeader(server.url, 'ELP', '2026-11-23', demoPinnedKeys());
      const batches = await fetchBatches(
        server.url,
        { port: 'ELP', date: '2026-11-23', sinceSeq: 0, limit: 100 },
        demoPinnedKeys(),
      );
      expect(batches).toHaveLength(header.lastSeq);
      expect(batches[0]!.records.length).toBe(40);
    } finally {
      await server.close();
    }
  });

  it('signs with a key given on the command line (rotation), and binds loopback only', async () => {
    const k = generateSigningKey('publisher-2027');
    const pem = path.join(dir, 'k.pem');
    fs.writeFileSync(pem, k.privatePem, { mode: 0o600 });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const server = await serveFeed(serveOpts({ data: dir, key: pem, keyId: 'publisher-2027' }));
    log.mockRestore();
    try {
      expect(
        (await fetchHeader(server.url, 'SYS', '2026-11-22', { 'publisher-2027': k.publicPem })).keyId,
      ).toBe('publisher-2027');
      await expect(fetchHeader(server.url, 'SYS', '2026-11-22', demoPinnedKeys())).rejects.toMatchObject({
        code: 'UNKNOWN_KEY',
      });
    } finally {
      await server.close();
    }
    await expect(serveFeed(serveOpts({ data: dir, host: '0.0.0.0' }))).rejects.toThrow(/loopback/);
  });
});
