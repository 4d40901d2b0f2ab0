// Runs in: renderer. The flags waiting for a supervisor's verdict, most severe first: each can be
// marked a false positive or confirmed; a verdict already given shows and can be changed
// (props only).
import { useId } from 'react';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlagVerdict, ReviewFlagView } from '../../../../../ipc/channels/flags';
import { useFormat } from '../../../format';
import { Section } from '../../../ui/Section';
import { useLabels } from '../../../i18n/labels';
import { SeverityBadge } from '../../../ui/SeverityBadge';
import { EmptyNote } from '../../../ui/EmptyNote';

/** How many flags the list shows: the most severe and newest; the rest wait their turn. */
export const REVIEW_LIMIT = 30;

export interface ReviewFlagListProps {
  flags: ReviewFlagView[];
  onVerdict: (flagId: number, verdict: FlagVerdict) => void;
  /** The flag whose verdict is being saved, if any. */
  pending?: { flagId: number; verdict: FlagVerdict } | null;
}

export function ReviewFlagList({ flags, onVerdict, pending }: ReviewFlagListProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('dashboard.review.title')}>
      {flags.length === 0 ? (
        <EmptyNote>{t('dashboard.review.none')}</EmptyNote>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {flags.slice(0, REVIEW_LIMIT).map((f) => (
            <ReviewFlag
              key={f.id}
              flag={f}
              onVerdict={onVerdict}
              pending={pending?.flagId === f.id ? pending.verdict : null}
            />
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The two verdicts a supervisor can give, in the order their buttons stand. */
const VERDICTS = [
  { verdict: 'false_positive', color: 'red', label: 'dashboard.review.falsePositive' },
  { verdict: 'confirmed', color: 'green', label: 'dashboard.review.confirm' },
] as const satisfies readonly { verdict: FlagVerdict; color: string; label: string }[];

function ReviewFlag({
  flag: f,
  onVerdict,
  pending,
}: {
  flag: ReviewFlagView;
  onVerdict: ReviewFlagListProps['onVerdict'];
  pending: FlagVerdict | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  // The buttons repeat on every flag; their description says which flag they decide.
  const aboutId = useId();
  return (
    <Paper component="li" withBorder p="xs" data-testid="review-flag">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs" id={aboutId}>
            <SeverityBadge size="sm" severity={f.severity} />
            <Text size="sm" fw={600}>
              {labels.rule(f.ruleId)}
            </Text>
            <Text size="sm">
              {t('dashboard.review.where', {
                name: f.applicantName,
                port: f.port,
                date: format.date(f.serviceDate),
              })}
            </Text>
            {f.feedback && (
              <Badge variant="outline" size="sm">
                {t(`dashboard.review.verdict.${f.feedback}`)}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {f.explanation}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {VERDICTS.map(({ verdict, color, label }) => (
            <Button
              key={verdict}
              size="compact-xs"
              variant="light"
              color={color}
              aria-describedby={aboutId}
              aria-pressed={f.feedback === verdict}
              loading={pending === verdict}
              disabled={pending !== null}
              onClick={() => onVerdict(f.id, verdict)}
            >
              {t(label)}
            </Button>
          ))}
        </Group>
      </Group>
    </Paper>
  );
}
