// Runs in: renderer. The day's flags for a supervisor's review, most severe first, a page at a
// time (the page's place in the queue said, the pages keyboard-reachable buttons): each names
// whom it is about and where their case stands, opens its case and evidence in place, and takes a
// verdict (confirm or false positive) with an optional note; a reviewed one shows the verdict,
// who gave it and when, in the same place (props only: the case is the container's to fetch).
import { useId, useState, type ReactNode } from 'react';
import { Badge, Box, Button, Group, Pagination, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlagVerdict } from '../../../../../ipc/channels/flags';
import type { ReviewItemView } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import { Section } from '../../../ui/Section';
import { useLabels } from '../../../i18n/labels';
import { SeverityBadge } from '../../../ui/SeverityBadge';
import { EmptyNote } from '../../../ui/EmptyNote';
import { bindText } from '../../../ui/bind';
import { isDisposition } from '../labels';

/** Flags on a page of the queue: a screen's worth at 1366×768 with one case open below. */
export const REVIEW_PAGE = 10;

export interface ReviewFlagListProps {
  flags: ReviewItemView[];
  /** All of the day's flags, of which `flags` are the first. */
  total?: number;
  onVerdict: (flagId: number, verdict: FlagVerdict, note?: string) => void;
  /** The flag whose verdict is being saved, if any. */
  pending?: { flagId: number; verdict: FlagVerdict } | null;
  /** The flag's case and evidence, when the supervisor opens it. */
  renderCase?: (flag: ReviewItemView) => ReactNode;
}

export function ReviewFlagList({ flags, total, onVerdict, pending, renderCase }: ReviewFlagListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [chosen, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(flags.length / REVIEW_PAGE));
  // A queue that shrank (another day chosen) shows its last page rather than an empty one.
  const page = Math.min(chosen, pages);
  const first = (page - 1) * REVIEW_PAGE;
  const shown = flags.slice(first, first + REVIEW_PAGE);
  const toReview = flags.filter((f) => !f.feedback).length;
  const all = total ?? flags.length;
  return (
    <Section
      title={t('dashboard.review.title')}
      actions={
        flags.length > 0 && (
          <Badge color={toReview ? 'orange' : 'green'} variant="light">
            {t('dashboard.review.toReview', { count: toReview, n: format.number(toReview) })}
          </Badge>
        )
      }
    >
      {/* Where this page stands, above the flags: on screen without scrolling. */}
      {flags.length > 0 && (
        <Group justify="space-between" mb="xs" gap="xs">
          <Text size="sm" c="dimmed" data-testid="review-page">
            {t('dashboard.review.page', {
              from: format.number(first + 1),
              to: format.number(first + shown.length),
              total: format.number(flags.length),
            })}
            {all > flags.length &&
              ` ${t('dashboard.review.more', { shown: format.number(flags.length), total: format.number(all) })}`}
          </Text>
          {pages > 1 && (
            <nav aria-label={t('dashboard.review.pages')}>
              <Pagination
                size="sm"
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({
                  'aria-label': t(
                    control === 'previous' ? 'dashboard.review.previous' : 'dashboard.review.next',
                  ),
                })}
                getItemProps={(p) => ({ 'aria-label': t('dashboard.review.pageN', { n: p }) })}
              />
            </nav>
          )}
        </Group>
      )}
      {flags.length === 0 ? (
        <EmptyNote>{t('dashboard.review.none')}</EmptyNote>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {shown.map((f) => (
            <ReviewFlag
              key={f.id}
              flag={f}
              onVerdict={onVerdict}
              pending={pending?.flagId === f.id ? pending.verdict : null}
              renderCase={renderCase}
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
  renderCase,
}: {
  flag: ReviewItemView;
  onVerdict: ReviewFlagListProps['onVerdict'];
  pending: FlagVerdict | null;
  renderCase: ReviewFlagListProps['renderCase'];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  // The controls repeat on every flag; their description says which flag they act on.
  const aboutId = useId();
  const caseId = useId();
  const rule = labels.rule(f.ruleId);
  return (
    <Paper component="li" withBorder p="xs" data-testid="review-flag" data-flag-id={f.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="md">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" id={aboutId}>
            <SeverityBadge size="sm" severity={f.severity} />
            <Text size="sm" fw={600}>
              {rule}
            </Text>
            <Text size="sm">
              {t('dashboard.review.where', {
                name: f.applicantName,
                port: f.port,
                date: format.date(f.serviceDate),
              })}
            </Text>
            <Badge size="sm" variant="outline" color={f.decision ? 'gray' : 'blue'}>
              {f.decision
                ? isDisposition(f.decision)
                  ? labels.disposition(f.decision)
                  : f.decision
                : t('dashboard.review.undecided')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {f.explanation}
          </Text>
          {f.feedback && (
            <Stack gap={0} data-testid="review-verdict">
              <Text size="sm" fw={600} c={f.feedback === 'confirmed' ? 'green.8' : 'red.8'}>
                {t('dashboard.review.reviewed', {
                  verdict: t(`dashboard.review.verdict.${f.feedback}`),
                  who: f.feedbackBy ?? '',
                  time: f.feedbackAt ? format.time(f.feedbackAt) : '',
                })}
              </Text>
              {f.feedbackNote && <Text size="sm">{f.feedbackNote}</Text>}
            </Stack>
          )}
        </Stack>
        <Stack gap={4} w={360} style={{ flexShrink: 0 }}>
          {!f.feedback && (
            <Group gap={4} wrap="nowrap">
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                maxLength={1000}
                aria-label={t('dashboard.review.noteLabel', { rule, name: f.applicantName })}
                placeholder={t('dashboard.review.notePlaceholder')}
                {...bindText(note, setNote)}
              />
              {VERDICTS.map(({ verdict, color, label }) => (
                <Button
                  key={verdict}
                  size="compact-sm"
                  variant="light"
                  color={color}
                  aria-describedby={aboutId}
                  loading={pending === verdict}
                  disabled={pending !== null}
                  onClick={() => onVerdict(f.id, verdict, note.trim() || undefined)}
                >
                  {t(label)}
                </Button>
              ))}
            </Group>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            style={{ alignSelf: 'flex-end' }}
            aria-expanded={open}
            aria-controls={caseId}
            aria-describedby={aboutId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('dashboard.review.hideCase') : t('dashboard.review.openCase')}
          </Button>
        </Stack>
      </Group>
      {open && renderCase && (
        <Box id={caseId} mt="xs" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          {renderCase(f)}
        </Box>
      )}
    </Paper>
  );
}
