// Runs in: vitest (Node, real models where noted). Pure maths of the face engine: 1:N search and the error-rate/threshold evaluation (no models needed).
import { describe, expect, it } from 'vitest';
import { TemplateIndex } from '../../../main/face/search';
import { errorRates, perGroup, suggestThresholds, type ScoredPair } from '../../../main/face/evaluate';
import { bandFor } from '../../../main/face/verify';
import { l2normalize, cosine } from '../../../main/face/embed';
import { similarityTransform, REFERENCE_5 } from '../../../main/face/align';
import { iou, nms, type Detection } from '../../../main/face/detect';

function rnd(seed: number, dim = 512): Float32Array {
  const v = new Float32Array(dim);
  let s = seed;
  for (let i = 0; i < dim; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    v[i] = s / 2 ** 32 - 0.5;
  }
  return l2normalize(v);
}

describe('TemplateIndex (1:N)', () => {
  it('returns the top-k above the threshold, best first, and grows past its capacity', () => {
    const idx = new TemplateIndex(2);
    for (let i = 0; i < 50; i++) idx.add(`t${i}`, rnd(i + 1));
    expect(idx.size).toBe(50);
    const q = rnd(8);
    const hits = idx.search(q, 3, 0.5);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.id).toBe('t7');
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    const all = idx.search(q, 5);
    expect(all).toHaveLength(5);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    expect(idx.search(q, 3, 0.5, 't7')).toHaveLength(0);
    expect(() => idx.search(new Float32Array(10))).toThrow(/dimensions/);
  });

  it('matches a brute-force reference on 2,000 templates', () => {
    const idx = new TemplateIndex(16);
    const vs = Array.from({ length: 2000 }, (_, i) => rnd(i * 7 + 3));
    vs.forEach((v, i) => idx.add(String(i), v));
    const q = rnd(99);
    const ref = vs
      .map((v, i) => ({ id: String(i), score: cosine(q, v) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
    const got = idx.search(q, 10);
    expect(got.map((h) => h.id)).toEqual(ref.map((h) => h.id));
  });
});

/** Scored pairs: the genuine ones (same person) first, then the impostors. */
const scored = (genuine: number[], impostor: number[]): ScoredPair[] => [
  ...genuine.map((score) => ({ score, same: true })),
  ...impostor.map((score) => ({ score, same: false })),
];

describe('errorRates / suggestThresholds', () => {
  it('perfect separation: AUC 1, EER 0, FNMR 0 at both FMRs when there are enough impostors', () => {
    const pairs = scored(
      Array.from({ length: 100 }, (_, i) => 0.6 + i * 0.003),
      Array.from({ length: 1000 }, (_, i) => -0.1 + i * 0.0003),
    );
    const r = errorRates(pairs);
    expect(r.auc).toBe(1);
    expect(r.eer).toBe(0);
    expect(r.fnmrAtFmr1).toBe(0);
    expect(r.fnmrAtFmr01).toBe(0);
    expect(r.notes).toHaveLength(0);
    const s = suggestThresholds(r);
    expect(s.match).toBeGreaterThanOrEqual(0.45);
    expect(s.inconclusive).toBeLessThan(s.match);
  });

  it('says when the impostor count is too small for FMR 0.1 %', () => {
    const pairs = scored(
      [0.8, 0.3],
      Array.from({ length: 200 }, (_, i) => i / 400),
    );
    const r = errorRates(pairs);
    expect(r.fnmrAtFmr1).not.toBeNull();
    expect(r.fnmrAtFmr01).toBeNull();
    expect(r.notes.join(' ')).toMatch(/at least 1000 impostor pairs/);
    expect(r.auc).toBeGreaterThan(0.5);
    expect(r.auc).toBeLessThan(1);
  });

  it('overlapping scores: AUC 0.75 and EER 50 % at the crossing threshold', () => {
    const r = errorRates(scored([0.4, 0.8], [0.2, 0.6]));
    expect(r.auc).toBe(0.75);
    expect(r.eer).toBe(0.5);
    expect(r.eerThreshold).toBe(0.6);
  });

  it('AUC counts ties as half and per-group rates use the MATCH threshold', () => {
    const r = errorRates(scored([0.5], [0.5]));
    expect(r.auc).toBe(0.5);
    const g = perGroup(
      [
        { score: 0.9, same: true, group: 'a' },
        { score: 0.1, same: true, group: 'a' },
        { score: 0.6, same: false, group: 'b' },
      ],
      0.5,
    );
    expect(g).toEqual([
      { group: 'a', genuine: 2, impostor: 0, fnmr: 0.5, fmr: null },
      { group: 'b', genuine: 0, impostor: 1, fnmr: null, fmr: 1 },
    ]);
  });

  it('bands: MATCH at or above match, INCONCLUSIVE between, NO_MATCH below', () => {
    const c = { match: 0.47, inconclusive: 0.37 };
    expect(bandFor(0.47, c)).toBe('MATCH');
    expect(bandFor(0.4, c)).toBe('INCONCLUSIVE');
    expect(bandFor(0.369, c)).toBe('NO_MATCH');
  });
});

describe('geometry', () => {
  it('similarity transform recovers a known rotation + scale + shift exactly', () => {
    const ang = 0.3,
      sc = 2.5,
      tx = 40,
      ty = -12;
    const src = REFERENCE_5.map(
      ([x, y]) =>
        [
          (x * Math.cos(ang) - y * Math.sin(ang)) * sc + tx,
          (x * Math.sin(ang) + y * Math.cos(ang)) * sc + ty,
        ] as [number, number],
    );
    const m = similarityTransform(src, REFERENCE_5);
    for (let i = 0; i < 5; i++) {
      const [x, y] = src[i]!;
      expect(m[0]! * x + m[1]! * y + m[2]!).toBeCloseTo(REFERENCE_5[i]![0], 6);
      expect(m[3]! * x + m[4]! * y + m[5]!).toBeCloseTo(REFERENCE_5[i]![1], 6);
    }
  });

  it('standard NMS keeps the best of overlapping boxes and separate faces', () => {
    const d = (x1: number, score: number): Detection => ({
      box: { x1, y1: 0, x2: x1 + 100, y2: 100 },
      square: { x: x1, y: 0, size: 100 },
      score,
    });
    expect(iou(d(0, 1).box, d(50, 1).box)).toBeCloseTo(1 / 3, 5);
    const kept = nms([d(0, 0.8), d(10, 0.95), d(300, 0.7)], 0.4);
    expect(kept.map((k) => k.score)).toEqual([0.95, 0.7]);
  });
});
