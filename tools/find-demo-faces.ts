// Runs in: developer tooling (Node via tsx). Writes resources/demo-faces.json: distinct real faces in the face-api demo photos.
/*
 * Usage: npx tsx tools/find-demo-faces.ts [--out resources/demo-faces.json] [--debug DIR]
 * Each entry: { id, image, box: [x, y, w, h] (square crop 1.8x the face, clipped to the image), score }.
 * Faces need detector score >= 0.9 and size >= 60 px; a face whose embedding has cosine > 0.5 with
 * an already kept face is the same person and is dropped.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { loadSessions, type FaceSessions } from '../main/face/sessions';
import { decodeImage } from '../main/face/decode';
import { detectFaces, type Detection } from '../main/face/detect';
import { detectLandmarks, fivePoints } from '../main/face/landmarks';
import { alignFace } from '../main/face/align';
import { embedAligned, cosine } from '../main/face/embed';

export const DEMO_DIR = path.resolve(__dirname, '../node_modules/@vladmandic/face-api/demo');
export const DEMO_IMAGES = [1, 2, 3, 4, 5, 6].map((i) => `sample${i}.jpg`);

export interface DemoFace {
  id: string;
  image: string;
  box: [number, number, number, number];
  score: number;
}

export interface FoundFace extends DemoFace {
  embedding: Float32Array;
  /** 5 points in source pixels */
  five: [number, number][];
  faceSize: number;
}

/** All usable faces (score >= 0.9, size >= 60 px) with embeddings, before de-duplication. */
export async function findFaces(sessions: FaceSessions, expand = 1.8): Promise<FoundFace[]> {
  const found: FoundFace[] = [];
  for (const [imgIdx, name] of DEMO_IMAGES.entries()) {
    const bytes = fs.readFileSync(path.join(DEMO_DIR, name));
    const img = await decodeImage(bytes, 8192);
    const { faces } = await detectFaces(sessions.detect, img);
    let fi = 0;
    for (const det of faces) {
      if (det.score < 0.9 || det.square.size < 60) continue;
      const lm = await detectLandmarks(sessions.landmark, img, det);
      const five = fivePoints(lm.points68);
      const { embedding } = await embedAligned(sessions.feature, alignFace(img, five).rgb);
      found.push({
        id: `s${imgIdx + 1}f${fi++}`,
        image: name,
        box: cropBox(det, img.width, img.height, expand),
        score: Math.round(det.score * 10000) / 10000,
        embedding,
        five: five.map((p) => [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10]),
        faceSize: det.square.size,
      });
    }
  }
  return found;
}

/** Square box `expand` x the face square, centred a little below the eyes, clipped to the image. */
export function cropBox(
  det: Detection,
  W: number,
  H: number,
  expand: number,
): [number, number, number, number] {
  const side = det.square.size * expand;
  const cx = det.square.x + det.square.size / 2;
  const cy = det.square.y + det.square.size / 2;
  const x = Math.max(0, Math.round(cx - side / 2));
  const y = Math.max(0, Math.round(cy - side / 2));
  const x2 = Math.min(W, Math.round(cx + side / 2));
  const y2 = Math.min(H, Math.round(cy + side / 2));
  return [x, y, x2 - x, y2 - y];
}

export function dedupe<T extends { embedding: Float32Array; score: number }>(faces: T[], maxCos = 0.5): T[] {
  const keep: T[] = [];
  for (const f of faces) {
    if (keep.every((k) => cosine(k.embedding, f.embedding) <= maxCos)) keep.push(f);
  }
  return keep;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = args.includes('--out')
    ? args[args.indexOf('--out') + 1]!
    : path.resolve(__dirname, '../resources/demo-faces.json');
  const debug = args.includes('--debug') ? args[args.indexOf('--debug') + 1] : undefined;
  const sessions = await loadSessions();
  const all = await findFaces(sessions);
  // Report the closest cross pairs so the 0.5 cut is visibly safe.
  let maxCross = -1;
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++)
      maxCross = Math.max(maxCross, cosine(all[i]!.embedding, all[j]!.embedding));
  const distinct = dedupe(all);
  const entries: DemoFace[] = distinct.map(({ id, image, box, score }) => ({ id, image, box, score }));
  fs.writeFileSync(out, JSON.stringify(entries, null, 2) + '\n');
  console.log(
    `${all.length} faces found, ${distinct.length} distinct (max pairwise cosine ${maxCross.toFixed(3)}) -> ${out}`,
  );
  if (debug) {
    fs.mkdirSync(debug, { recursive: true });
    for (const f of distinct) {
      const [x, y, w, h] = f.box;
      await sharp(path.join(DEMO_DIR, f.image))
        .extract({ left: x, top: y, width: w, height: h })
        .resize(160, 160)
        .jpeg()
        .toFile(path.join(debug, `${f.id}.jpg`));
    }
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
