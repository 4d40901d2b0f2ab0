// Runs in: renderer. One vetting flag (props only): severity in words, the rule, its
// explanation and evidence rows; an Acknowledge button (with an optional note; Enter in the note
// acknowledges) only while it can still be acknowledged. The card takes focus (Tab), which is
// what the booth's `A` acknowledges.
import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceEntryView, FlagView } from '../../../../../ipc/channels/flags';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { DataTable } from '../../../ui/DataTable';
import { SeverityBadge } from '../../../ui/SeverityBadge';

interface Evidence {
  summary?: string;
  others?: EvidenceEntryView[];
  othersTotal?: number;
  /** Which ports and service days the pattern spans (the vetting window's reach). */
  span?: { ports: string[]; from: string; to: string };
}

/** Evidence rows shown per flag; the rest are counted. */
export const EVIDENCE_ROWS = 8;

export function FlagCard({
  flag,
  canAcknowledge,
  acknowledging = false,
  error = null,
  onAcknowledge,
}: {
  flag: FlagView;
  canAcknowledge: boolean;
  acknowledging?: boolean;
  error?: string | null;
  onAcknowledge?: (note: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [note, setNote] = useState('');
  const ruleId = useId();
  const e = (flag.evidence ?? {}) as Evidence;
  const others = e.others ?? [];
  const total = e.othersTotal ?? others.length;
  const rule = labels.rule(flag.ruleId);
  const card = useRef<HTMLDivElement>(null);
  const acknowledged = flag.acknowledgedAt !== null;
  const wasAcknowledged = useRef(acknowledged);
  // Acknowledging removes the focused button: keep keyboard users here (Tab goes on to the next
  // flag) rather than dropped at the top of the page.
  useEffect(() => {
    if (acknowledged && !wasAcknowledged.current && document.activeElement === document.body)
      card.current?.focus();
    wasAcknowledged.current = acknowledged;
  }, [acknowledged]);
  return (
    <Paper
      ref={card}
      tabIndex={0}
      data-flag-id={flag.id}
      role="group"
      aria-labelledby={ruleId}
      withBorder
      p="sm"
      data-testid="flag"
      bg={acknowledged ? 'gray.0' : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between">
          <Group gap="xs">
            <SeverityBadge severity={flag.severity} />
            <Text fw={700} id={ruleId}>
              {rule}
            </Text>
            <Text size="xs" c="dimmed" title={flag.ruleDescription}>
              {t('booth.flags.ruleVersion', { version: flag.ruleVersion })}
            </Text>
          </Group>
          {flag.acknowledgedAt && (
            <Badge color="gray" variant="outline">
              {t('booth.flags.acknowledgedBy', { name: flag.acknowledgedBy })}
            </Badge>
          )}
        </Group>
        <Text size="sm">{flag.explanation}</Text>
        {e.span && <SpanLine span={e.span} />}
        {others.length > 0 && (
          <DataTable
            fz="xs"
            withTableBorder
            label={t('booth.flags.evidence.label', { rule })}
            columns={[
              {
                key: 'also',
                header: t('booth.flags.evidence.also'),
                cell: (o) => (
                  <>
                    {o.name}
                    {o.lookout && (
                      <Badge color="red" variant="light" size="xs" ml={6}>
                        {t('booth.flags.evidence.lookout', { entry: o.lookout })}
                      </Badge>
                    )}
                  </>
                ),
              },
              {
                key: 'portDate',
                header: t('booth.flags.evidence.portDate'),
                cell: (o) => t('booth.flags.evidence.portDateValue', { port: o.port, date: o.serviceDate }),
              },
              { key: 'group', header: t('booth.flags.evidence.group'), cell: (o) => o.groupId },
              { key: 'matched', header: t('booth.flags.evidence.matched'), cell: (o) => o.matched },
            ]}
            rows={others.slice(0, EVIDENCE_ROWS)}
            rowKey={(o) => o.applicantId}
          />
        )}
        {total > EVIDENCE_ROWS && (
          <Text size="xs" c="dimmed">
            {t('booth.flags.evidence.more', { count: total - EVIDENCE_ROWS })}
          </Text>
        )}
        {flag.ackNote && <Text size="xs">{t('booth.flags.note', { note: flag.ackNote })}</Text>}
        {canAcknowledge && !flag.acknowledgedAt && (
          <Group align="flex-end">
            <TextInput
              size="xs"
              placeholder={t('booth.flags.notePlaceholder')}
              aria-label={t('booth.flags.noteLabel', { rule })}
              value={note}
              onChange={(ev) => setNote(ev.currentTarget.value)}
              onKeyDown={(ev) => {
                if (ev.key === 'Enter' && !acknowledging) onAcknowledge?.(note || undefined);
              }}
              style={{ flex: 1 }}
            />
            <Button
              size="xs"
              loading={acknowledging}
              aria-describedby={ruleId}
              aria-keyshortcuts="a"
              onClick={() => onAcknowledge?.(note || undefined)}
            >
              {t('booth.flags.acknowledge')}
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** "Across 3 ports (ELP, NOG, SYS), 21 Nov 2026 to 1 Dec 2026": where the pattern was seen. */
function SpanLine({ span }: { span: NonNullable<Evidence['span']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const where =
    span.ports.length === 1
      ? t('booth.flags.evidence.spanPort', { port: span.ports[0] })
      : t('booth.flags.evidence.spanPorts', { count: span.ports.length, ports: span.ports.join(', ') });
  return (
    <Text size="xs" fw={600} data-testid="flag-span">
      {span.from === span.to
        ? t('booth.flags.evidence.spanDay', { where, date: format.date(span.from) })
        : t('booth.flags.evidence.spanDays', {
            where,
            from: format.date(span.from),
            to: format.date(span.to),
          })}
    </Text>
  );
}
