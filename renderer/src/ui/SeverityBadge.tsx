// Runs in: renderer. A flag's severity: the word itself, on a colour the theme keeps readable
// (the colour repeats the word, never replaces it). Props only.
import { Badge, type BadgeProps } from '@mantine/core';
import type { Severity } from '../../../ipc/channels/flags';
import { useLabels } from '../i18n/labels';

export const SEVERITY_COLOR: Record<Severity, string> = { high: 'red', medium: 'orange', low: 'yellow' };

export function SeverityBadge({
  severity,
  ...rest
}: { severity: Severity } & Omit<BadgeProps, 'color' | 'children'>) {
  const labels = useLabels();
  return (
    <Badge color={SEVERITY_COLOR[severity]} {...rest}>
      {labels.severity(severity)}
    </Badge>
  );
}
