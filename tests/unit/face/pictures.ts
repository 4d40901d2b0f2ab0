// Runs in: vitest (Node). Pictures the decode tests share.
import sharp from 'sharp';

/**
 * A smooth 4000×3000 picture (soft shapes over a gradient, nothing symmetric, so a wrong turn
 * shows), JPEG q90 4:2:0, stored in EXIF `orientation`, tagged with the colour profile `icc` if
 * given: two decoders' pixels then differ only by where the resampling lands, a fraction of a row,
 * which detail would turn into noise.
 */
export async function smoothPicture(orientation = 1, icc?: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="750">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="#203040"/><stop offset="1" stop-color="#e0c090"/></linearGradient>
        <radialGradient id="r"><stop offset="0" stop-color="#c04030"/>
        <stop offset="1" stop-color="#c04030" stop-opacity="0"/></radialGradient></defs>
      <rect width="1000" height="750" fill="url(#g)"/>
      <circle cx="300" cy="250" r="200" fill="url(#r)"/><circle cx="700" cy="420" r="260" fill="url(#r)"/></svg>`;
  let img = sharp(Buffer.from(svg)).resize(4000, 3000);
  if (orientation !== 1) img = img.withMetadata({ orientation });
  if (icc) img = img.withIccProfile(icc); // after: withMetadata would tag it sRGB

  return img.jpeg({ quality: 90 }).toBuffer();
}

/**
 * An upright picture stored sideways, as phones store it: the pixels turned a quarter turn
 * counter-clockwise and tagged EXIF orientation 6, JPEG q92.
 */
export function storedSideways(upright: Buffer): Promise<Buffer> {
  return sharp(upright).rotate(270).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer();
}
