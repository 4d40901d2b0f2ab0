// Runs in: renderer. The officer's decision for the case, after every flag is acknowledged, and
// for a person with a submitted photo "processed" only with a face result or a manual identity
// check (main refuses otherwise; the refusal shows here). The decision cites what identity
// rested on. A later decision is a correction of the last. `D` brings focus here.
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../ipc/channels/applicant';
import type { Disposition, EncounterView, IdentityView } from '../../../../ipc/channels/encounter';
import { useLabels } from '../../i18n/labels';
import { bindText } from '../../ui/bind';
import { EncounterList } from './components/EncounterList';
import { useCompleteCase } from './mutations';

/** The order the officer reads them in (most common first). */
const ORDER: Disposition[] = ['processed', 'referred_secondary', 'identity_not_confirmed', 'no_show'];

export interface DecisionHandle {
  /** D: focus the disposition. */
  focus(): void;
}

export function DispositionPanel({
  applicant,
  encounters,
  identity,
  openedAt,
  next,
  onNext,
  onDecided,
  ref,
}: {
  applicant: ApplicantView;
  encounters: EncounterView[];
  identity: IdentityView | undefined;
  openedAt: string;
  /** The next member of the group still to process, if any ("next in group", N). */
  next: { name: string } | null;
  onNext: () => void;
  onDecided: (disposition: Disposition) => void;
  ref?: Ref<DecisionHandle>;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const complete = useCompleteCase();
  const heading = useRef<HTMLHeadingElement>(null);
  const select = useRef<HTMLInputElement>(null);
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [note, setNote] = useState('');
  const unacked = applicant.flags.filter((f) => !f.acknowledgedAt).length;
  const last = encounters.at(-1);
  const options = ORDER.map((value) => ({ value, label: labels.disposition(value) }));
  const needsCheck =
    disposition === 'processed' && identity?.hasPhoto && !identity.faceResult && !identity.manualCheck;

  useImperativeHandle(ref, () => ({ focus: () => select.current?.focus() }));

  function submit() {
    if (!disposition) return;
    complete.mutate(
      {
        applicantId: applicant.applicantId,
        disposition,
        note,
        arrivedAt: openedAt,
        verificationId: identity?.faceResult?.id,
        manualCheckId: identity?.manualCheck?.id,
        supersedes: last?.clientId,
      },
      {
        onSuccess: () => {
          onDecided(disposition);
          // Recorded: the form is empty again, so a second Enter does not record a correction.
          setDisposition(null);
          setNote('');
          // The busy button dropped focus: bring keyboard users back to the decision just made.
          if (document.activeElement === document.body) heading.current?.focus();
        },
      },
    );
  }

  return (
    // Compact, always at the bottom of the case: one line of heading and past decisions, one of
    // inputs. (A Section's padding would cost the tabs above two rows.)
    <Paper component="section" withBorder p="xs" aria-labelledby="decision-title">
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Group gap="sm" wrap="wrap" style={{ minWidth: 0 }}>
          <Title order={3} size="h5" id="decision-title" ref={heading} tabIndex={-1}>
            {t('booth.decision.title')}
          </Title>
          <EncounterList encounters={encounters} />
        </Group>
        {next && last && (
          <Button size="compact-sm" variant="light" onClick={onNext} aria-keyshortcuts="n">
            {t('booth.group.next', { name: next.name })}
          </Button>
        )}
      </Group>
      <Stack gap={4}>
        <Group align="flex-end" wrap="nowrap" gap="xs">
          <Select
            ref={select}
            size="sm"
            label={last ? t('booth.decision.correctionLabel') : t('booth.decision.disposition')}
            data={options}
            value={disposition}
            onChange={(v) => setDisposition(v as Disposition)}
            w={230}
            allowDeselect={false}
            aria-keyshortcuts="d"
          />
          <Textarea
            size="sm"
            label={t('booth.decision.note')}
            {...bindText(note, setNote)}
            autosize
            minRows={1}
            maxRows={2}
            style={{ flex: 1 }}
          />
          <Button onClick={submit} loading={complete.isPending} disabled={!disposition}>
            {last ? t('booth.decision.recordCorrection') : t('booth.decision.complete')}
          </Button>
        </Group>
        {unacked > 0 && (
          <Text size="sm" c="orange">
            {t('booth.decision.unacked', { count: unacked })}
          </Text>
        )}
        {needsCheck && (
          <Text size="sm" c="orange" data-testid="needs-check">
            {t('booth.decision.needsCheck')}
          </Text>
        )}
        {complete.error && (
          <Alert color="red" role="alert" p="xs">
            <Text size="sm">{complete.error.message}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
