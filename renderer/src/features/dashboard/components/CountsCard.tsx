// Runs in: renderer. Today's counts of one kind (appointments by status, outcomes, verification
// bands) as labelled bars, largest first (props only).
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../format';
import { Section } from '../../../ui/Section';
import { EmptyNote } from '../../../ui/EmptyNote';

export function CountsCard({
  title,
  counts,
  labelOf,
}: {
  title: string;
  counts: Record<string, number>;
  /** The name of a key as the user reads it. */
  labelOf: (key: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return (
    <Section title={title}>
      {total === 0 && <EmptyNote>{t('dashboard.counts.none')}</EmptyNote>}
      <Stack gap={6}>
        {rows.map(([key, n]) => {
          const label = labelOf(key);
          return (
            <div key={key}>
              <Group justify="space-between">
                <Text size="sm">{label}</Text>
                <Text size="sm" fw={600}>
                  {format.number(n)}
                </Text>
              </Group>
              {/* The bar repeats the row for sight; its name says the same for a screen reader. */}
              <Progress
                value={Math.round((n / total) * 100)}
                size="sm"
                aria-label={t('dashboard.counts.share', {
                  label,
                  n: format.number(n),
                  total: format.number(total),
                })}
              />
            </div>
          );
        })}
      </Stack>
    </Section>
  );
}
