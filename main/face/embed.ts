// Runs in: face worker threads. 512-d face embedding with fr_feature on the aligned 112x112 face.
import type { InferenceSession } from 'onnxruntime-node';
import { toChw } from './image';
import { runSingle } from './sessions';
import { ALIGN_SIZE } from './align';
import { l2normalize } from './vector';

export async function embedAligned(
  session: InferenceSession,
  alignedRgb: Uint8Array,
): Promise<{ embedding: Float32Array; modelMs: number }> {
  const tensor = toChw(alignedRgb, ALIGN_SIZE, ALIGN_SIZE, 127, 128);
  const t0 = performance.now();
  const out = await runSingle(session, tensor, [1, 3, ALIGN_SIZE, ALIGN_SIZE]);
  const modelMs = performance.now() - t0;
  const raw = out[session.outputNames[0]!]!.data as Float32Array;
  return { embedding: l2normalize(Float32Array.from(raw)), modelMs };
}

export { l2normalize, cosine, EMBEDDING_DIM } from './vector';
