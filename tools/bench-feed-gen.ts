// Runs in: benchmark (plain Node via tsx). Synthetic feed generation, signing and verification
// at 100k applicants per port-day, each beside the plainest baseline in the same run.
// `npx tsx tools/bench-feed-gen.ts` prints the rows; tools/bench.ts may import benchFeedGen.
import { performance } from 'node:perf_hooks';
import { generateFeed } from '../main/feed/generator/index';
import { batchesOf, publishFeed } from '../main/feed/publish';
import { verifyBatch } from '../main/feed/client';
import { demoPinnedKeys, demoSigningKey } from '../main/feed/demo-key';
import type { BenchRow } from './bench-types';

const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

export async function benchFeedGen(n = 100_000): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const [feed, genMs] = await time(() =>
    generateFeed({ ports: ['ELP'], dates: ['2026-11-22'], perPortPerDay: n, photos: false, seed: 99 }),
  );
  const day = feed.days[0]!;
  rows.push({
    group: 'feed',
    name: `generate ${n.toLocaleString('en-US')} applicants (no photos)`,
    value: genMs,
    unit: 'ms',
    goal: '< 5000 ms',
    pass: genMs < 5000,
  });
  const [pub, pubMs] = await time(() => publishFeed(feed, demoSigningKey()));
  const [, plainMs] = await time(() => batchesOf(day).map((b) => JSON.stringify(b)));
  const signed = pub.days.values().next().value!;
  rows.push({
    group: 'feed',
    name: `canonicalise + sign ${signed.batches.length} batches`,
    value: pubMs,
    unit: 'ms',
    baseline: plainMs,
    baselineName: 'JSON.stringify only',
  });
  const wire = signed.batches.map((b) => JSON.parse(JSON.stringify(b)) as unknown);
  const keys = demoPinnedKeys();
  const [, verifyMs] = await time(() =>
    wire.forEach((env, i) => verifyBatch(env, keys, 'ELP', '2026-11-22', i + 1)),
  );
  const [, parseMs] = await time(() =>
    wire.forEach((env) => JSON.parse((env as { payload: string }).payload)),
  );
  rows.push({
    group: 'feed',
    name: `verify + schema-check ${signed.batches.length} batches`,
    value: verifyMs,
    unit: 'ms',
    baseline: parseMs,
    baselineName: 'JSON.parse only',
  });
  return rows;
}

if (require.main === module) {
  void benchFeedGen(Number(process.argv[2] ?? 100_000)).then((rows) => {
    for (const r of rows)
      console.log(
        `${r.name}: ${r.value.toFixed(0)} ${r.unit}${r.baseline !== undefined ? ` (baseline ${r.baseline.toFixed(0)} ${r.unit}, ${r.baselineName})` : ''}${r.goal ? ` goal ${r.goal}: ${r.pass ? 'met' : 'NOT met'}` : ''}`,
      );
  });
}
