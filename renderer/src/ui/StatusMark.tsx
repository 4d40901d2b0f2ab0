// Runs in: renderer. An appointment's status as a small icon and the word, for dense rows where
// a badge would be cut short ("SCH…"): the word is always whole, in the body colour; the icon,
// in the status's colour, only repeats it (props only: the word comes from the caller, so a list of
// rows asks the catalogue once, not a translation hook per row).
import type { CSSProperties } from 'react';
import { STATUS_COLOR } from './StatusBadge';

/** 16×16 strokes: a clock, a return arrow, a cross, an arrow in, a tick, an empty circle. */
const ICON_PATHS: Record<string, string> = {
  scheduled: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M8 4.5V8l2.5 1.5',
  rescheduled: 'M13.5 8A5.5 5.5 0 1 1 8 2.5h3M9.5 0.5l2 2-2 2',
  cancelled: 'M4 4l8 8M12 4l-8 8',
  arrived: 'M2 8h9M8 4.5L11.5 8 8 11.5M14 2v12',
  completed: 'M2.5 8.5l3.5 3.5 7.5-8',
  no_show: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M3.5 12.5l9-9',
};

const FALLBACK = 'M8 4.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7';

export function StatusMark({
  status,
  label,
  style,
}: {
  status: string;
  label: string;
  style?: CSSProperties;
}) {
  const color = `var(--mantine-color-${STATUS_COLOR[status] ?? 'gray'}-7)`;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap', ...style }}>
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden focusable="false">
        <path
          d={ICON_PATHS[status] ?? FALLBACK}
          fill="none"
          stroke={color}
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {label}
    </span>
  );
}
