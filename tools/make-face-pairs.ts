// Runs in: developer tooling (Node via tsx). Builds the project's own labelled pair set from the
// MIT-licensed face-api demo photos: each distinct face (resources/demo-faces.json) as a base
// crop plus three controlled augmentations, written to tests/fixtures/face-pairs/ with pairs.csv.
// Usage: npx tsx tools/make-face-pairs.ts
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { demoFaces, sampleImagesDir } from '../main/feed/generator/photos';

const OUT = path.join(__dirname, '../tests/fixtures/face-pairs');
const SIZE = 256;

const VARIANTS: Array<{
  name: string;
  apply: (img: sharp.Sharp, box: [number, number, number, number], meta: sharp.Metadata) => sharp.Sharp;
}> = [
  { name: 'base', apply: (img) => img },
  { name: 'light', apply: (img) => img.modulate({ brightness: 0.7 }).rotate(5, { background: '#777' }) },
  { name: 'pose', apply: (img) => img.rotate(-8, { background: '#777' }) },
  { name: 'blur', apply: (img) => img.blur(1.2) },
];

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const faces = demoFaces();
  const files: Array<{ face: string; variant: string; file: string }> = [];
  for (const f of faces) {
    const src = fs.readFileSync(path.join(sampleImagesDir(), f.image));
    const meta = await sharp(src).metadata();
    for (const v of VARIANTS) {
      let [x, y, w, h] = f.box;
      if (v.name === 'pose') {
        // Shift and zoom out a little: the face sits off-centre and smaller.
        const grow = Math.round(w * 0.15);
        x = Math.max(0, x - grow + Math.round(w * 0.05));
        y = Math.max(0, y - grow);
        w = Math.min((meta.width ?? 0) - x, w + 2 * grow);
        h = Math.min((meta.height ?? 0) - y, h + 2 * grow);
      }
      const cropped = sharp(src).extract({ left: x, top: y, width: w, height: h }).resize(SIZE, SIZE);
      const img = v.apply(sharp(await cropped.toBuffer()), f.box, meta).resize(SIZE, SIZE);
      const bytes = await img.jpeg({ quality: v.name === 'blur' ? 45 : 85 }).toBuffer();
      const file = `${f.id}_${v.name}.jpg`;
      fs.writeFileSync(path.join(OUT, file), bytes);
      files.push({ face: f.id, variant: v.name, file });
    }
  }
  const rows = ['file_x,file_y,same,group'];
  // Genuine: every pair of images of one face; group = the harder image's condition.
  for (const f of faces) {
    const mine = files.filter((x) => x.face === f.id);
    for (let i = 0; i < mine.length; i++)
      for (let j = i + 1; j < mine.length; j++)
        rows.push(`${mine[i]!.file},${mine[j]!.file},1,${mine[j]!.variant}`);
  }
  // Impostors: different faces, across all condition pairs (a bounded, deterministic subset).
  for (let a = 0; a < faces.length; a++)
    for (let b = a + 1; b < faces.length; b++)
      for (const [va, vb] of [
        ['base', 'base'],
        ['light', 'pose'],
        ['blur', 'light'],
        ['pose', 'blur'],
        ['base', 'light'],
        ['pose', 'base'],
      ] as const) {
        rows.push(`${faces[a]!.id}_${va}.jpg,${faces[b]!.id}_${vb}.jpg,0,${vb}`);
      }
  fs.writeFileSync(path.join(OUT, 'pairs.csv'), `${rows.join('\n')}\n`);
  fs.writeFileSync(
    path.join(OUT, 'README.md'),
    `# Face pair fixtures\n\nMade by \`npx tsx tools/make-face-pairs.ts\` from the group photos shipped in the MIT-licensed npm package\n@vladmandic/face-api (demo/sample1-6.jpg): ${faces.length} distinct faces, each as a base crop and three\naugmentations (light: darker and rotated 5°; pose: shifted, zoomed out, rotated -8°; blur: Gaussian blur and\nJPEG quality 45). pairs.csv: ${rows.length - 1} pairs; \`group\` is the capture condition of the harder image,\nnot a demographic group (these photos carry no such labels).\n`,
  );
  console.log(`${files.length} images, ${rows.length - 1} pairs in ${OUT}`);
}

void main();
