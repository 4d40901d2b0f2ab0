// Runs in: renderer. A photo with the detected face boxes and landmarks drawn over it (props
// only). The drawing is decoration: the image's alt text and the result's text carry the meaning.
import type { VerifySideView } from '../../../../../ipc/channels/face';

export function FaceOverlayImage({
  src,
  side,
  alt,
  width = 260,
}: {
  src: string;
  side: VerifySideView | null;
  alt: string;
  width?: number;
}) {
  const w = side?.image?.width ?? 1;
  const h = side?.image?.height ?? 1;
  return (
    <div style={{ position: 'relative', width }}>
      <img src={src} alt={alt} style={{ width, display: 'block', borderRadius: 8 }} />
      {side?.image && (
        <svg
          viewBox={`0 0 ${w} ${h}`}
          preserveAspectRatio="none"
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }}
          aria-hidden
        >
          {side.faces.map((f, i) => (
            <g key={i}>
              <rect
                x={f.box[0]}
                y={f.box[1]}
                width={f.box[2]}
                height={f.box[3]}
                fill="none"
                stroke={i === side.chosen ? '#2f9e44' : '#f08c00'}
                strokeWidth={Math.max(2, w / 160)}
              />
              {f.landmarks?.map(([x, y], j) => (
                <circle key={j} cx={x} cy={y} r={Math.max(2, w / 200)} fill="#2f9e44" />
              ))}
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
