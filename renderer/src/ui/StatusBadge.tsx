// Runs in: renderer. An appointment's status (scheduled, arrived, completed...) in words, on a
// colour the theme keeps readable; never cut short to "SCHE…" (props only).
import { Badge, type BadgeProps } from '@mantine/core';
import { useLabels } from '../i18n/labels';

export const STATUS_COLOR: Record<string, string> = {
  scheduled: 'blue',
  rescheduled: 'grape',
  cancelled: 'gray',
  arrived: 'teal',
  completed: 'green',
  no_show: 'orange',
};

/** Badges truncate by default; a status must be read whole. */
export const WHOLE_BADGE = {
  root: { overflow: 'visible', maxWidth: 'none' },
  label: { overflow: 'visible' },
} as const;

function StatusLabel({ status }: { status: string }) {
  return useLabels().status(status);
}

/** `children` replaces the status's name (e.g. "scheduled: 12"), or passes it in from a list. */
export function StatusBadge({ status, children, ...rest }: { status: string } & Omit<BadgeProps, 'color'>) {
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} styles={WHOLE_BADGE} {...rest}>
      {children ?? <StatusLabel status={status} />}
    </Badge>
  );
}
