// Runs in: main process and CLI. 1:N search over stored templates (used to find one face under
// two identities). Brute force over a contiguous Float32Array: at 512-d, 100k templates is
// ~51M multiply-adds, well within the budget without an ANN index.
import { EMBEDDING_DIM } from './embed';

export interface SearchHit {
  id: string;
  score: number;
}

export class TemplateIndex {
  private data: Float32Array;
  private ids: string[] = [];

  constructor(capacity = 1024, readonly dim = EMBEDDING_DIM) {
    this.data = new Float32Array(capacity * dim);
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: string, embedding: Float32Array): void {
    if (embedding.length !== this.dim) throw new Error(`template has ${embedding.length} dimensions, expected ${this.dim}`);
    if ((this.ids.length + 1) * this.dim > this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(embedding, this.ids.length * this.dim);
    this.ids.push(id);
  }

  /** The top `k` templates with cosine ≥ minScore (embeddings are L2-normalised). */
  search(query: Float32Array, k = 10, minScore = -1, excludeId?: string): SearchHit[] {
    const d = this.dim;
    const data = this.data;
    const hits: SearchHit[] = [];
    let floor = minScore;
    for (let i = 0, off = 0; i < this.ids.length; i++, off += d) {
      let s = 0;
      for (let j = 0; j < d; j += 4) s += data[off + j]! * query[j]! + data[off + j + 1]! * query[j + 1]! + data[off + j + 2]! * query[j + 2]! + data[off + j + 3]! * query[j + 3]!;
      if (s < floor) continue;
      const id = this.ids[i]!;
      if (id === excludeId) continue;
      hits.push({ id, score: s });
      if (hits.length > k * 4) {
        hits.sort((a, b) => b.score - a.score);
        hits.length = k;
        floor = Math.max(floor, hits[k - 1]!.score);
      }
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, k);
  }
}
