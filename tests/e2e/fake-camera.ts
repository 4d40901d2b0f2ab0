// Runs in: tests (Node, Playwright). Chromium's fake camera: the launch switches that make it play
// a y4m file, and the frame it plays (a 1280×720 webcam-like picture with one face, or none).
// Chromium opens the file each time a page starts the camera, so a spec can change the face
// between cases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import sharp from 'sharp';
import { CHROMIUM } from '../../playwright.config';

/** A fresh y4m path for one spec. */
export const cameraFile = (): string =>
  path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-cam-')), 'camera.y4m');

/** The launch options of a Chromium whose camera plays `y4m` (allowed without asking). */
export const fakeCamera = (y4m: string) => ({
  ...CHROMIUM,
  args: [
    ...CHROMIUM.args,
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4m}`,
  ],
});

/**
 * Writes the frame the camera shows: `face` (a JPEG or PNG) on a plain background, at most
 * `size` pixels on a side (never enlarged) and centred, `top` pixels down; none: an empty scene.
 */
export async function writeCameraFrame(
  y4m: string,
  face: Buffer | null,
  { size = 560, top = 80 }: { size?: number; top?: number } = {},
): Promise<void> {
  const scene = sharp({ create: { width: 1280, height: 720, channels: 3, background: '#6b7b8c' } });
  const layer = face
    ? await sharp(face)
        .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
        .toBuffer()
    : null;
  const width = layer ? (await sharp(layer).metadata()).width! : 0;
  const png = y4m.replace(/\.y4m$/, '.png');
  await scene
    .composite(layer ? [{ input: layer, left: Math.round((1280 - width) / 2), top }] : [])
    .png()
    .toFile(png);
  const made = spawnSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-i',
    png,
    '-frames:v',
    '1',
    '-pix_fmt',
    'yuv420p',
    y4m,
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg could not write the camera frame: ${String(made.stderr)}`);
}
