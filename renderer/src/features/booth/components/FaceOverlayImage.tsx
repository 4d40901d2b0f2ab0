// Runs in: renderer. A photo in a square frame with the detected face boxes and landmarks drawn
// over it (props only): the submitted photo and the live capture share one size, side by side.
// The drawing is decoration: the image's alt text and the result's text carry the meaning.
import type { ReactNode } from 'react';
import type { VerifySideView } from '../../../../../ipc/channels/face';

/** The side of each photo's square frame, in CSS pixels. */
export const PHOTO_SIZE = 176;

type Fit = 'contain' | 'cover';

/** A face's box `[x, y, w, h]`, in the picture's own pixels. */
type Box = readonly [number, number, number, number];

/** A box as an SVG rect's attributes. */
const rectOf = ([x, y, width, height]: Box) => ({ x, y, width, height });

/** The frame itself, for a photo, the camera preview or a placeholder. */
export function PhotoFrame({ children, size = PHOTO_SIZE }: { children: ReactNode; size?: number }) {
  return (
    <div
      style={{
        position: 'relative',
        width: size,
        height: size,
        borderRadius: 8,
        overflow: 'hidden',
        background: 'var(--mantine-color-gray-2)',
        flexShrink: 0,
      }}
    >
      {children}
    </div>
  );
}

/**
 * Boxes `[x, y, w, h]` in the picture's own pixels (`width` × `height`), drawn the way the picture
 * is fitted into the frame (contain = SVG "meet", cover = "slice"), so they stay on the face.
 */
export function FaceBoxes({
  width,
  height,
  boxes,
  fit,
  chosen = 0,
  landmarks,
}: {
  width: number;
  height: number;
  boxes: Box[];
  fit: Fit;
  chosen?: number;
  landmarks?: Array<readonly [number, number]>;
}) {
  const stroke = Math.max(2, width / 120);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio={fit === 'cover' ? 'xMidYMid slice' : 'xMidYMid meet'}
      style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }}
      aria-hidden
    >
      {boxes.map((box, i) => (
        <rect
          key={i}
          {...rectOf(box)}
          fill="none"
          stroke={i === chosen ? '#2f9e44' : '#f08c00'}
          strokeWidth={stroke}
        />
      ))}
      {landmarks?.map(([x, y], j) => (
        <circle key={j} cx={x} cy={y} r={stroke} fill="#2f9e44" />
      ))}
    </svg>
  );
}

export function FaceOverlayImage({
  src,
  side,
  alt,
  fit = 'contain',
  size = PHOTO_SIZE,
}: {
  src: string;
  side: VerifySideView | null;
  alt: string;
  fit?: Fit;
  size?: number;
}) {
  return (
    <PhotoFrame size={size}>
      <img src={src} alt={alt} style={{ width: '100%', height: '100%', objectFit: fit, display: 'block' }} />
      {side?.image && (
        <FaceBoxes
          width={side.image.width}
          height={side.image.height}
          boxes={side.faces.map((f) => f.box)}
          chosen={side.chosen}
          landmarks={side.faces[side.chosen]?.landmarks}
          fit={fit}
        />
      )}
    </PhotoFrame>
  );
}
