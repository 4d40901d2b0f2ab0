// Runs in: renderer. A flag's case and evidence opened in place from the review queue (container):
// the flagged applicant's record and where their case stands, then the flag with every applicant
// its evidence names (as the booth officer saw it). applicant.get audits the view.
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewItemView } from '../../../../ipc/channels/reporting';
import { InlineError } from '../../ui/InlineError';
import { Loading } from '../../ui/Loading';
import { CaseRecord } from '../booth/components/CaseRecord';
import { EncounterList } from '../booth/components/EncounterList';
import { FlagCard } from '../booth/components/FlagCard';
import { useFlagCase } from './queries';

export function FlagCase({ flag }: { flag: ReviewItemView }) {
  const { t } = useTranslation();
  const c = useFlagCase(flag.applicantId);
  if (c.isPending) return <Loading />;
  if (c.error) return <InlineError message={t('dashboard.loadFailed', { message: c.error.message })} />;
  const a = c.data;
  // The flag as the case has it now (evidence marked with lookout entries), else as queued.
  const shown = a.flags.find((f) => f.id === flag.id) ?? flag;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="flag-case">
      <Stack gap={4}>
        <Title order={3} size="h6">
          {t('dashboard.review.caseTitle', { name: `${a.givenNames} ${a.familyNames}` })}
        </Title>
        {a.encounters.length ? (
          <EncounterList encounters={a.encounters} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('dashboard.review.undecided')}
          </Text>
        )}
        <CaseRecord applicant={a} />
      </Stack>
      <Stack gap={4}>
        <Title order={3} size="h6">
          {t('dashboard.review.evidenceTitle')}
        </Title>
        <FlagCard flag={shown} canAcknowledge={false} />
      </Stack>
    </SimpleGrid>
  );
}
