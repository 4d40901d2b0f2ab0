// Runs in: main process and CLI. Accuracy of a score set: ROC AUC, EER, FNMR at fixed FMR,
// score quantiles, suggested thresholds, and the same per group where groups are given.
export interface ScoredPair {
  score: number;
  same: boolean;
  group?: string;
}

export interface ErrorRates {
  pairs: number;
  genuine: number;
  impostor: number;
  auc: number;
  eer: number;
  eerThreshold: number;
  fnmrAtFmr1: number | null;
  fnmrAtFmr01: number | null;
  thresholdAtFmr1: number | null;
  thresholdAtFmr01: number | null;
  notes: string[];
  genuineQuantiles: Record<string, number>;
  impostorQuantiles: Record<string, number>;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** Threshold t such that the share of impostors scoring >= t is at most `fmr`. */
function thresholdAtFmr(impostorsDesc: number[], fmr: number): number {
  const allowed = Math.floor(impostorsDesc.length * fmr);
  // Accept strictly above the (allowed+1)-th highest impostor score.
  const cut = impostorsDesc[allowed] ?? -1;
  return cut + 1e-6;
}

export function errorRates(pairs: ScoredPair[]): ErrorRates {
  const gen = pairs
    .filter((p) => p.same)
    .map((p) => p.score)
    .sort((a, b) => a - b);
  const imp = pairs
    .filter((p) => !p.same)
    .map((p) => p.score)
    .sort((a, b) => a - b);
  const impDesc = [...imp].reverse();
  const notes: string[] = [];
  // AUC = P(genuine > impostor), ties count half (Mann–Whitney).
  let auc = NaN;
  if (gen.length && imp.length) {
    let j = 0;
    let k = 0;
    let wins = 0;
    for (const g of gen) {
      while (j < imp.length && imp[j]! < g) j++;
      k = j;
      while (k < imp.length && imp[k] === g) k++;
      wins += j + (k - j) / 2;
    }
    auc = wins / (gen.length * imp.length);
  }
  // EER by sweeping every distinct score as a threshold (two pointers over the sorted lists: O(n)).
  let eer = 1;
  let eerT = 0;
  let best = Infinity;
  {
    const thresholds = [...new Set([...gen, ...imp])].sort((a, b) => a - b);
    let gi = 0;
    let ii = 0;
    for (const t of thresholds) {
      while (gi < gen.length && gen[gi]! < t) gi++;
      while (ii < imp.length && imp[ii]! < t) ii++;
      const fnmr = gi / (gen.length || 1);
      const fmr = (imp.length - ii) / (imp.length || 1);
      if (Math.abs(fnmr - fmr) < best) {
        best = Math.abs(fnmr - fmr);
        eer = (fnmr + fmr) / 2;
        eerT = t;
      }
    }
  }
  const fnmrAt = (fmr: number): [number | null, number | null] => {
    if (imp.length < Math.ceil(1 / fmr)) {
      notes.push(
        `FNMR at FMR ${fmr * 100}% needs at least ${Math.ceil(1 / fmr)} impostor pairs; only ${imp.length} were scored.`,
      );
      return [null, null];
    }
    const t = thresholdAtFmr(impDesc, fmr);
    return [gen.filter((s) => s < t).length / (gen.length || 1), t];
  };
  const [f1, t1] = fnmrAt(0.01);
  const [f01, t01] = fnmrAt(0.001);
  const qs = (xs: number[]) =>
    Object.fromEntries(
      [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99].map((q) => [
        `p${Math.round(q * 100)}`,
        round(quantile(xs, q)),
      ]),
    );
  return {
    pairs: pairs.length,
    genuine: gen.length,
    impostor: imp.length,
    auc: round(auc),
    eer: round(eer),
    eerThreshold: round(eerT),
    fnmrAtFmr1: f1 === null ? null : round(f1),
    fnmrAtFmr01: f01 === null ? null : round(f01),
    thresholdAtFmr1: t1 === null ? null : round(t1),
    thresholdAtFmr01: t01 === null ? null : round(t01),
    notes,
    genuineQuantiles: qs(gen),
    impostorQuantiles: qs(imp),
  };
}

export interface SuggestedThresholds {
  match: number;
  inconclusive: number;
  rationale: string;
}

/**
 * MATCH at the stricter of: no impostor above it (plus a margin), and a floor from the measured
 * public pair set (0.45); INCONCLUSIVE a band of 0.10 below. Webcam-versus-selfie scores run
 * lower than photo-versus-photo, so the band sends borderline cases to a person, not a refusal.
 */
export function suggestThresholds(r: ErrorRates, floor = 0.45): SuggestedThresholds {
  const maxImpostor = r.impostorQuantiles.p99 ?? 0;
  const fromData = (r.thresholdAtFmr01 ?? r.thresholdAtFmr1 ?? maxImpostor) + 0.05;
  const match = round(Math.max(floor, fromData));
  const inconclusive = round(Math.max(0.2, match - 0.1));
  return {
    match,
    inconclusive,
    rationale: `MATCH ≥ ${match}: the larger of the measured floor ${floor} and the FMR 0.1% (else 1%, else p99 impostor) threshold + 0.05; INCONCLUSIVE ${inconclusive}–${match}.`,
  };
}

export function perGroup(
  pairs: ScoredPair[],
  match: number,
): Array<{ group: string; genuine: number; impostor: number; fnmr: number | null; fmr: number | null }> {
  const groups = [...new Set(pairs.map((p) => p.group).filter((g): g is string => Boolean(g)))].sort();
  return groups.map((group) => {
    const gp = pairs.filter((p) => p.group === group);
    const gen = gp.filter((p) => p.same);
    const imp = gp.filter((p) => !p.same);
    return {
      group,
      genuine: gen.length,
      impostor: imp.length,
      fnmr: gen.length ? round(gen.filter((p) => p.score < match).length / gen.length) : null,
      fmr: imp.length ? round(imp.filter((p) => p.score >= match).length / imp.length) : null,
    };
  });
}
