// Runs in: renderer. The day's referrals to secondary inspection with the officer's reason and
// note, and the supervisor's sign-off of each: an outcome and a note, once; a signed one shows
// who signed it and what they found (props only).
import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralView, SignOffOutcome } from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { EmptyNote } from '../../../ui/EmptyNote';
import { bindText } from '../../../ui/bind';
import { Section } from '../../../ui/Section';

// The contract's outcomes, in the order offered (the contract's list itself is main's value).
const OUTCOMES = ['admitted', 'not_admitted', 'further_action'] as const satisfies readonly SignOffOutcome[];

function useOutcomeLabel(): (o: SignOffOutcome) => string {
  const { t } = useTranslation();
  return (o) =>
    o === 'admitted'
      ? t('dashboard.referrals.outcomes.admitted')
      : o === 'not_admitted'
        ? t('dashboard.referrals.outcomes.not_admitted')
        : t('dashboard.referrals.outcomes.further_action');
}

export type SignOff = { encounterId: string; outcome: SignOffOutcome; note: string };

function SignOffForm({
  referral,
  onSignOff,
  pending,
}: {
  referral: ReferralView;
  onSignOff: (s: SignOff) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const outcomeLabel = useOutcomeLabel();
  const [outcome, setOutcome] = useState<SignOffOutcome | null>(null);
  const [note, setNote] = useState('');
  const ready = outcome !== null && note.trim().length >= 3;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSignOff({ encounterId: referral.encounterId, outcome, note: note.trim() });
      }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <NativeSelect
          size="xs"
          label={t('dashboard.referrals.outcome')}
          data={[
            { value: '', label: t('dashboard.referrals.choose') },
            ...OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) })),
          ]}
          value={outcome ?? ''}
          onChange={(e) => setOutcome((e.currentTarget.value || null) as SignOffOutcome | null)}
          w={140}
        />
        <TextInput
          size="xs"
          label={t('dashboard.referrals.note')}
          placeholder={t('dashboard.referrals.notePlaceholder')}
          {...bindText(note, setNote)}
          maxLength={1000}
          w={200}
        />
        <Button size="xs" type="submit" disabled={!ready} loading={pending}>
          {t('dashboard.referrals.submit')}
        </Button>
      </Group>
    </form>
  );
}

export function ReferralList({
  referrals,
  onSignOff,
  pending,
  actions,
}: {
  referrals: ReferralView[];
  onSignOff: (s: SignOff) => void;
  /** The referral whose sign-off is being recorded. */
  pending: string | null;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const outcomeLabel = useOutcomeLabel();
  const open = referrals.filter((r) => !r.signOff).length;
  const columns: DataColumn<ReferralView>[] = [
    {
      key: 'name',
      header: t('dashboard.referrals.name'),
      cell: (r) => (
        <>
          <Text size="sm" fw={600}>
            {r.name || t('dashboard.referrals.purged')}
          </Text>
          <Text size="xs" c="dimmed">
            {r.applicantId}
          </Text>
        </>
      ),
    },
    { key: 'when', header: t('dashboard.referrals.when'), cell: (r) => format.time(r.referredAt) },
    { key: 'officer', header: t('dashboard.referrals.officer'), cell: (r) => `${r.officer} · ${r.booth}` },
    {
      key: 'reason',
      header: t('dashboard.referrals.reason'),
      cell: (r) => (
        <Stack gap={2}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.note || t('dashboard.referrals.noNote')}
          </Text>
          {r.flags.length > 0 && (
            <Group gap={4}>
              {r.flags.map((f) => (
                <Badge key={f} size="xs" variant="light">
                  {labels.rule(f)}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      ),
    },
    {
      key: 'signOff',
      header: t('dashboard.referrals.signOff'),
      cellProps: (r) => ({ 'data-testid': `signoff-${r.encounterId}` }),
      cell: (r) =>
        r.signOff ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('dashboard.referrals.signedBy', {
                outcome: outcomeLabel(r.signOff.outcome),
                supervisor: r.signOff.supervisor,
                time: format.time(r.signOff.at),
              })}
            </Text>
            <Text size="sm">{r.signOff.note}</Text>
          </Stack>
        ) : (
          <SignOffForm referral={r} onSignOff={onSignOff} pending={pending === r.encounterId} />
        ),
    },
  ];
  return (
    <Section
      title={t('dashboard.referrals.title')}
      testId="referrals"
      actions={
        <Group gap="xs">
          {open > 0 && <Badge color="orange">{t('dashboard.referrals.open', { count: open })}</Badge>}
          {actions}
        </Group>
      }
    >
      {referrals.length === 0 ? (
        <EmptyNote>{t('dashboard.referrals.none')}</EmptyNote>
      ) : (
        <DataTable
          label={t('dashboard.referrals.title')}
          columns={columns}
          rows={referrals}
          rowKey={(r) => r.encounterId}
          verticalSpacing="xs"
        />
      )}
    </Section>
  );
}
