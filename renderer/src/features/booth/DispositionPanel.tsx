// Runs in: renderer. The officer's decision for the case, after every flag is acknowledged
// (main refuses it before; the refusal shows here). A later decision is a correction of the last.
import { useRef, useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../ipc/channels/applicant';
import type { Disposition, EncounterView } from '../../../../ipc/channels/encounter';
import { useLabels } from '../../i18n/labels';
import { Section } from '../../ui/Section';
import { EncounterList } from './components/EncounterList';
import { useCompleteCase } from './mutations';

/** The order the officer reads them in (most common first). */
const ORDER: Disposition[] = ['processed', 'referred_secondary', 'identity_not_confirmed', 'no_show'];

export function DispositionPanel({
  applicant,
  encounters,
  openedAt,
  verificationId,
}: {
  applicant: ApplicantView;
  encounters: EncounterView[];
  openedAt: string;
  verificationId: number | null;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const complete = useCompleteCase();
  const heading = useRef<HTMLHeadingElement>(null);
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [note, setNote] = useState('');
  const unacked = applicant.flags.filter((f) => !f.acknowledgedAt).length;
  const last = encounters.at(-1);
  const options = ORDER.map((value) => ({ value, label: labels.disposition(value) }));

  function submit() {
    if (!disposition) return;
    complete.mutate(
      {
        applicantId: applicant.applicantId,
        disposition,
        note,
        arrivedAt: openedAt,
        verificationId: verificationId ?? undefined,
        supersedes: last?.clientId,
      },
      {
        // The busy button dropped focus: bring keyboard users back to the decision just made.
        onSuccess: () => {
          if (document.activeElement === document.body) heading.current?.focus();
        },
      },
    );
  }

  return (
    <Section title={t('booth.decision.title')} level={3} titleSize="h4" titleRef={heading}>
      <Stack>
        <EncounterList encounters={encounters} />
        <Group align="flex-end">
          <Select
            label={last ? t('booth.decision.correctionLabel') : t('booth.decision.disposition')}
            data={options}
            value={disposition}
            onChange={(v) => setDisposition(v as Disposition)}
            w={300}
            allowDeselect={false}
          />
          <Textarea
            label={t('booth.decision.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={1}
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
        {complete.error && (
          <Alert color="red" role="alert">
            {complete.error.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
