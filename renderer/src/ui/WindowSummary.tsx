// Runs in: renderer. The vetting window in one line (props only): "Window: 296 of 296 port-days
// current; 12 behind", what is not confirmed lately or not published, the port-day being filled,
// and when offline, how old what vetting reads is. Orange when anything needs a look.
import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WindowStatusView } from '../../../ipc/channels/sync';
import { useFormat } from '../format';

export function windowNeedsAttention(w: WindowStatusView): boolean {
  return w.offline || w.stale > 0 || w.failing > 0;
}

/** `brief`: without the port-day being filled or those not published (the status bar's width). */
export function WindowSummary({
  window: w,
  brief = false,
  ...text
}: { window: WindowStatusView; brief?: boolean } & TextProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = [t('common.window.current', { current: w.current, total: w.portDays })];
  if (w.behind) parts.push(t('common.window.behind', { count: w.behind }));
  if (w.stale) parts.push(t('common.window.stale', { count: w.stale }));
  if (w.notPublished && !brief) parts.push(t('common.window.notPublished', { count: w.notPublished }));
  if (w.filling && !brief)
    parts.push(
      t('common.window.filling', { port: w.filling.port, date: format.date(w.filling.serviceDate) }),
    );
  if (w.offline && w.asOf) {
    const time = brief ? format.time(w.asOf) : format.dateTime(w.asOf);
    parts.push(t('common.window.offline', { time, when: format.ago(w.asOf) }));
  }
  return (
    <Text size="sm" c={windowNeedsAttention(w) ? 'orange' : undefined} data-testid="window-state" {...text}>
      {parts.join('; ')}
    </Text>
  );
}
