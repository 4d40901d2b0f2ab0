// Runs in: the synthetic data generator.
// Selfie JPEGs cut from the group photos that the MIT-licensed @vladmandic/face-api npm package
// ships (boxes in resources/demo-faces.json), with mild augmentation. The pool holds about
// twenty real faces: each goes to ONE identity, except where a duplicate face is planted on
// purpose. A folder of the user's own consented photos (one person per file) extends it.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { resourcesDir } from '../../platform/paths';
import type { Rng } from './random';

export interface DemoFace {
  id: string;
  image: string;
  box: [number, number, number, number];
  score: number;
}

export interface PhotoBlob {
  sha256: string;
  bytes: Buffer;
  width: number;
  height: number;
  /** Where the face came from, for the ground truth ("s1f0", or a user file name). */
  source: string;
}

export function demoFaces(): DemoFace[] {
  const file = path.join(resourcesDir(), 'demo-faces.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFace[];
}

export function sampleImagesDir(): string {
  return path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
}

function sha(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

const sourceCache = new Map<string, Promise<Buffer>>();

/** A selfie-like crop of a demo face with a little variation (light, angle, compression). */
export async function selfieFromDemoFace(face: DemoFace, rng: Rng, variation: number): Promise<PhotoBlob> {
  const file = path.join(sampleImagesDir(), face.image);
  let src = sourceCache.get(file);
  if (!src) {
    src = fs.promises.readFile(file);
    sourceCache.set(file, src);
  }
  const meta = await sharp(await src).metadata();
  const W = meta.width ?? 0;
  const H = meta.height ?? 0;
  const [bx, by, bw, bh] = face.box;
  // The box already holds the head with margin (1.8× the face): wider crops of these group photos
  // would bring a neighbour's face into one person's selfie. Jitter a little so two selfies of
  // one face differ in pixels.
  const jitter = variation === 0 ? 0 : Math.round(bw * 0.04);
  const side = Math.round(Math.max(bw, bh));
  const cx = bx + bw / 2 + rng.int(-jitter, jitter);
  const cy = by + bh / 2 + rng.int(-jitter, jitter);
  const width = Math.max(1, Math.min(side, W));
  const height = Math.max(1, Math.min(side, H));
  const left = Math.round(Math.max(0, Math.min(W - width, cx - width / 2)));
  const top = Math.round(Math.max(0, Math.min(H - height, cy - height / 2)));
  const size = 360;
  let img = sharp(await src)
    .extract({ left, top, width, height })
    .resize(size, size);
  if (variation > 0) {
    // Other light, a slight head tilt, another phone's compression.
    const rotated = await img
      .modulate({ brightness: 0.85 + rng.next() * 0.3 })
      .rotate(rng.int(-6, 6), { background: '#808080' })
      .toBuffer({ resolveWithObject: true });
    const m = Math.round((rotated.info.width - size) / 2);
    img = sharp(rotated.data).extract({
      left: m,
      top: Math.round((rotated.info.height - size) / 2),
      width: size,
      height: size,
    });
  }
  const bytes = await img.jpeg({ quality: variation === 0 ? 88 : rng.int(70, 92) }).toBuffer();
  return {
    sha256: sha(bytes),
    bytes,
    width: size,
    height: size,
    source: variation === 0 ? face.id : `${face.id}~${variation}`,
  };
}

/** The user's own consented photos, one person per file, re-encoded as JPEG. */
export async function photosFromDir(dir: string): Promise<PhotoBlob[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .sort();
  const out: PhotoBlob[] = [];
  for (const f of files) {
    const img = sharp(path.join(dir, f), { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(480, 480, { fit: 'inside' });
    const bytes = await img.jpeg({ quality: 88 }).toBuffer();
    const m = await sharp(bytes).metadata();
    out.push({ sha256: sha(bytes), bytes, width: m.width ?? 0, height: m.height ?? 0, source: f });
  }
  return out;
}
