// Runs in: renderer. The camera preview in the live photo's place (props only): the face box the
// engine sees on the latest guidance frame drawn over it. The <video> stays mounted while the
// camera runs (hidden behind a result), so a retake needs no new stream.
import type { Ref } from 'react';
import type { GuideView } from '../../../../../ipc/channels/face';
import { FaceBoxes, PhotoFrame } from './FaceOverlayImage';

export function LivePreview({
  videoRef,
  visible,
  guide,
  label,
  aspect,
}: {
  videoRef: Ref<HTMLVideoElement>;
  visible: boolean;
  guide: GuideView | null;
  label: string;
  /** The camera's width / height (boxes come as fractions of the frame). */
  aspect: number;
}) {
  // Fractions of the frame drawn in a viewBox of the frame's shape: 1000 × 1000/aspect.
  const w = 1000;
  const h = Math.round(w / (aspect || 16 / 9));
  return (
    <div style={{ display: visible ? 'block' : 'none' }}>
      <PhotoFrame>
        <video
          ref={videoRef}
          muted
          playsInline
          aria-label={label}
          style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
        {guide && guide.faces.length > 0 && (
          <FaceBoxes
            width={w}
            height={h}
            fit="cover"
            boxes={guide.faces.map(([x, y, bw, bh]) => [x * w, y * h, bw * w, bh * h] as const)}
          />
        )}
      </PhotoFrame>
    </div>
  );
}
