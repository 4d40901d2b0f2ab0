// Runs in: main process and CLI. 1:N search over stored templates (used to find one face under
// two identities). Brute force, no ANN index: at 512-d a scan of 100k templates is 51M
// multiply-adds. A float scan in JS measured ~52-70 ms on the 2-core target, so the scan runs on
// an int8 copy (~40 ms) and only the best candidates are re-scored exactly in float.
import { EMBEDDING_DIM } from './vector';

export interface SearchHit {
  id: string;
  /** Exact cosine (float32 dot product of the L2-normalised templates). */
  score: number;
}

/** int8 scale: components of a unit 512-d vector are ~0.044 rms; |v| > 0.3175 is clamped. */
const Q_SCALE = 400;
/** Worst realistic int8 rounding error on a cosine is < 0.01; keep a safe margin. */
const Q_MARGIN = 0.03;
/** Extra candidates re-scored exactly beyond k, so int8 rounding cannot reorder the top-k. */
const Q_EXTRA = 32;

export class TemplateIndex {
  private data: Float32Array;
  private qdata: Int8Array;
  private ids: string[] = [];

  constructor(
    capacity = 1024,
    readonly dim = EMBEDDING_DIM,
  ) {
    if (dim % 8 !== 0) throw new Error('template dimension must be a multiple of 8');
    this.data = new Float32Array(Math.max(1, capacity) * dim);
    this.qdata = new Int8Array(Math.max(1, capacity) * dim);
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: string, embedding: Float32Array): void {
    if (embedding.length !== this.dim)
      throw new Error(`template has ${embedding.length} dimensions, expected ${this.dim}`);
    if ((this.ids.length + 1) * this.dim > this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
      const qgrown = new Int8Array(this.qdata.length * 2);
      qgrown.set(this.qdata);
      this.qdata = qgrown;
    }
    const off = this.ids.length * this.dim;
    this.data.set(embedding, off);
    quantise(embedding, this.qdata, off);
    this.ids.push(id);
  }

  /** The top `k` templates with cosine ≥ minScore (embeddings are L2-normalised), best first. */
  search(query: Float32Array, k = 10, minScore = -1, excludeId?: string): SearchHit[] {
    const d = this.dim;
    if (query.length !== d) throw new Error(`query has ${query.length} dimensions, expected ${d}`);
    if (k <= 0 || this.ids.length === 0) return [];
    const q = new Int8Array(d);
    quantise(query, q, 0);
    const qd = this.qdata;
    const keep = k + Q_EXTRA;
    // Candidates as [row, approxScoreInt] pairs.
    let rows: number[] = [];
    let vals: number[] = [];
    let floor = Math.floor((minScore - Q_MARGIN) * Q_SCALE * Q_SCALE);
    const n = this.ids.length;
    // Query as a plain array of small integers (V8 SMIs): measured faster than an Int8Array here.
    const qa = Array.from(q);
    for (let i = 0, off = 0; i < n; i++, off += d) {
      let s0 = 0,
        s1 = 0;
      for (let j = 0; j < d; j += 8) {
        const o = off + j;
        // `| 0` keeps the sums in int32 (|sum| <= 127^2 * 512 cannot overflow).
        s0 =
          (s0 +
            qd[o]! * qa[j]! +
            qd[o + 1]! * qa[j + 1]! +
            qd[o + 2]! * qa[j + 2]! +
            qd[o + 3]! * qa[j + 3]!) |
          0;
        s1 =
          (s1 +
            qd[o + 4]! * qa[j + 4]! +
            qd[o + 5]! * qa[j + 5]! +
            qd[o + 6]! * qa[j + 6]! +
            qd[o + 7]! * qa[j + 7]!) |
          0;
      }
      const s = s0 + s1;
      if (s < floor) continue;
      rows.push(i);
      vals.push(s);
      if (rows.length >= keep * 4) {
        const order = rows
          .map((_, x) => x)
          .sort((a, b) => vals[b]! - vals[a]!)
          .slice(0, keep);
        rows = order.map((x) => rows[x]!);
        vals = order.map((x) => vals[x]!);
        floor = Math.max(floor, vals[vals.length - 1]!);
      }
    }
    const hits: SearchHit[] = [];
    const data = this.data;
    for (const r of rows) {
      const id = this.ids[r]!;
      if (id === excludeId) continue;
      let s = 0;
      const off = r * d;
      for (let j = 0; j < d; j++) s += data[off + j]! * query[j]!;
      if (s >= minScore) hits.push({ id, score: s });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, k);
  }
}

function quantise(v: Float32Array, out: Int8Array, off: number): void {
  for (let j = 0; j < v.length; j++) {
    const x = Math.round(v[j]! * Q_SCALE);
    out[off + j] = x > 127 ? 127 : x < -127 ? -127 : x;
  }
}
