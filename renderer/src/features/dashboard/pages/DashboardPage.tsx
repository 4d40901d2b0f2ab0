// Runs in: renderer. Supervisor dashboard (container): today's arrivals and outcomes at this
// port, flags by rule with the precision supervisors' reviews give, cross-port trends, flags to
// review, face-match accuracy per model version, audit. Each source fails in place on its own.
import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { InlineError } from '../../../ui/InlineError';
import { Loading } from '../../../ui/Loading';
import { PageTitle } from '../../../ui/PageTitle';
import { AuditPanel } from '../../audit/AuditPanel';
import { CountsCard } from '../components/CountsCard';
import { FaceAccuracy } from '../components/FaceAccuracy';
import { FlagsByRuleTable } from '../components/FlagsByRuleTable';
import { ReviewFlagList } from '../components/ReviewFlagList';
import { ThroughputCard } from '../components/ThroughputCard';
import { TrendsTable } from '../components/TrendsTable';
import { isDashboardBand, isDisposition, rawLabel } from '../labels';
import { useFlagFeedback } from '../mutations';
import { useArrivalsDashboard, useFaceAccuracy, useFlagsOverview } from '../queries';

export default function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const dash = useArrivalsDashboard();
  const overview = useFlagsOverview();
  const accuracy = useFaceAccuracy();
  const feedback = useFlagFeedback();
  const failed = (e: Error) => <InlineError message={t('dashboard.loadFailed', { message: e.message })} />;
  const d = dash.data;

  return (
    <Stack>
      <PageTitle
        aside={
          d?.port && d.serviceDate
            ? t('dashboard.portDate', { port: d.port, date: format.date(d.serviceDate) })
            : undefined
        }
      >
        {t('dashboard.title')}
      </PageTitle>
      {(dash.isPending || overview.isPending || accuracy.isPending) && <Loading />}
      {dash.error && failed(dash.error)}
      {d && (
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <CountsCard
            title={t('dashboard.counts.appointments')}
            counts={d.appointments}
            labelOf={labels.status}
          />
          <CountsCard
            title={t('dashboard.counts.outcomes')}
            counts={d.dispositions}
            labelOf={(k) => (isDisposition(k) ? labels.disposition(k) : rawLabel(k))}
          />
          <CountsCard
            title={t('dashboard.counts.verification')}
            counts={d.verificationBands}
            labelOf={(k) => (isDashboardBand(k) ? t(`dashboard.bands.${k}`) : rawLabel(k))}
          />
          <ThroughputCard perHour={d.perHour} pendingUploads={d.pendingUploads} enrolment={d.enrolment} />
        </SimpleGrid>
      )}
      {overview.error && failed(overview.error)}
      {overview.data && (
        <>
          <FlagsByRuleTable rules={overview.data.rules} />
          <TrendsTable trends={overview.data.trends} />
          <ReviewFlagList
            flags={overview.data.recent}
            onVerdict={(flagId, verdict) => feedback.mutate({ flagId, verdict })}
            pending={feedback.isPending && feedback.variables ? feedback.variables : null}
          />
        </>
      )}
      {accuracy.error && failed(accuracy.error)}
      {accuracy.data && <FaceAccuracy models={accuracy.data} />}
      <AuditPanel />
    </Stack>
  );
}
