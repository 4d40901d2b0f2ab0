// Runs in: face worker threads. 512-d face embedding with fr_feature on the aligned 112x112 face.
import type { InferenceSession } from 'onnxruntime-node';
import { toChw } from './image';
import { runSingle } from './sessions';
import { ALIGN_SIZE } from './align';

export const EMBEDDING_DIM = 512;

export async function embedAligned(session: InferenceSession, alignedRgb: Uint8Array): Promise<{ embedding: Float32Array; modelMs: number }> {
  const tensor = toChw(alignedRgb, ALIGN_SIZE, ALIGN_SIZE, 127, 128);
  const t0 = performance.now();
  const out = await runSingle(session, tensor, [1, 3, ALIGN_SIZE, ALIGN_SIZE]);
  const modelMs = performance.now() - t0;
  const raw = out[session.outputNames[0]!]!.data as Float32Array;
  return { embedding: l2normalize(Float32Array.from(raw)), modelMs };
}

export function l2normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
  return v;
}

/** Plain cosine of two L2-normalised vectors (no mean subtraction). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`embedding length mismatch: ${a.length} vs ${b.length}`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
