// Runs in: renderer. The day's case figures as labelled numbers, open referrals among them
// (props only).
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DayFigures } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import { Section } from '../../../ui/Section';

export function FiguresBar({
  figures,
  openReferrals,
  actions,
}: {
  figures: DayFigures;
  openReferrals: number;
  actions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const names: [keyof DayFigures, string][] = [
    ['scheduled', t('dashboard.figures.scheduled')],
    ['arrived', t('dashboard.figures.arrived')],
    ['completed', t('dashboard.figures.completed')],
    ['referred', t('dashboard.figures.referred')],
    ['identityNotConfirmed', t('dashboard.figures.identityNotConfirmed')],
    ['noShow', t('dashboard.figures.noShow')],
    ['stillToCome', t('dashboard.figures.stillToCome')],
  ];
  const tile = (key: string, label: string, n: number) => (
    <Paper key={key} withBorder p="xs" data-testid={`figure-${key}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2}>
        {format.number(n)}
      </Text>
    </Paper>
  );
  return (
    <Section title={t('dashboard.figures.title')} actions={actions}>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="xs">
        {names.map(([k, label]) => tile(k, label, figures[k]))}
        {tile('openReferrals', t('dashboard.figures.openReferrals'), openReferrals)}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t('dashboard.figures.note')}
      </Text>
    </Section>
  );
}
