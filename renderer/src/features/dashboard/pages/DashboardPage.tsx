// Runs in: renderer. Supervisor dashboard (container): a port-day (default: today at this port;
// ?port=&date= in the address) at a glance, live: case figures, completions per hour against
// scheduled, per booth and officer, referrals to sign off, each table exportable as CSV; then
// verification bands, flags by rule with review precision, cross-port trends, flags to review,
// face-match accuracy, audit. Each source fails in place on its own.
import { useEffect, useRef } from 'react';
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CsvTable, DayFigures, PortDayRequest } from '../../../../../ipc/channels/reporting';
import { FormatProvider, useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { InlineError } from '../../../ui/InlineError';
import { Loading } from '../../../ui/Loading';
import { PageTitle } from '../../../ui/PageTitle';
import { AuditPanel } from '../../audit/AuditPanel';
import { CountsCard } from '../components/CountsCard';
import { ExportButton } from '../components/ExportButton';
import { FaceAccuracy } from '../components/FaceAccuracy';
import { FiguresBar } from '../components/FiguresBar';
import { FlagsByRuleTable } from '../components/FlagsByRuleTable';
import { HoursTable } from '../components/HoursTable';
import { PortDayPicker } from '../components/PortDayPicker';
import { ReferralList } from '../components/ReferralList';
import { ReviewFlagList } from '../components/ReviewFlagList';
import { ThroughputCard } from '../components/ThroughputCard';
import { TrendsTable } from '../components/TrendsTable';
import { WorkTable } from '../components/WorkTable';
import { saveText } from '../download';
import { isDashboardBand, isDisposition, rawLabel } from '../labels';
import { useExportCsv, useFlagFeedback, useSignOff } from '../mutations';
import {
  useArrivalsDashboard,
  useFaceAccuracy,
  useFlagsOverview,
  usePortDays,
  useReferrals,
} from '../queries';

/** The day's decided cases by disposition (latest decision each), the ones that occur. */
function outcomes(f: DayFigures): Record<string, number> {
  const all = {
    processed: f.processed,
    referred_secondary: f.referred,
    identity_not_confirmed: f.identityNotConfirmed,
    no_show: f.noShow,
  };
  return Object.fromEntries(Object.entries(all).filter(([, n]) => n > 0));
}

const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/** The port-day in the address (?port=SYS&date=2026-12-01); either left out means main's default. */
function usePortDayParam(): [PortDayRequest, (next: { port: string; date?: string }) => void] {
  const [params, setParams] = useSearchParams();
  const port = params.get('port') ?? undefined;
  const date = params.get('date') ?? undefined;
  const day: PortDayRequest = { ...(port && { port }), ...(date && { date }) };
  return [day, (next) => setParams({ port: next.port, ...(next.date && { date: next.date }) })];
}

/** `live` off stops the polling (tests that count requests); the route leaves it on. */
export default function DashboardPage({ live = true }: { live?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const [day, setDay] = usePortDayParam();
  const dash = useArrivalsDashboard(day, live);
  const portDays = usePortDays();
  const referrals = useReferrals(day);
  const overview = useFlagsOverview();
  const accuracy = useFaceAccuracy();
  const feedback = useFlagFeedback();
  const signOff = useSignOff();
  const exportCsv = useExportCsv();
  const failed = (e: Error) => <InlineError message={t('dashboard.loadFailed', { message: e.message })} />;
  const d = dash.data;

  // The referral list is read again (and audited) only when the day's referrals change.
  const referred = d ? `${d.port}:${d.serviceDate}:${d.figures.referred}:${d.openReferrals}` : null;
  const seen = useRef(referred);
  const refetchReferrals = referrals.refetch;
  useEffect(() => {
    if (referred !== null && seen.current !== null && seen.current !== referred) void refetchReferrals();
    seen.current = referred;
  }, [referred, refetchReferrals]);

  const exporter = (table: CsvTable, name: string) => (
    <ExportButton
      table={name}
      pending={exportCsv.isPending && exportCsv.variables?.table === table}
      disabled={!d?.port}
      onExport={() =>
        exportCsv.mutate({ ...day, table }, { onSuccess: (file) => saveText(file.filename, file.csv) })
      }
    />
  );

  const ports = [
    ...new Set([...(d?.port ? [d.port] : []), ...(portDays.data ?? []).map((p) => p.port)]),
  ].sort();
  const dates = [
    ...new Set([
      ...(d?.serviceDate ? [d.serviceDate] : []),
      ...(portDays.data ?? []).filter((p) => p.port === d?.port).map((p) => p.serviceDate),
    ]),
  ].sort((a, b) => b.localeCompare(a));

  return (
    <FormatProvider timeZone={d?.timeZone}>
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
        <Group justify="space-between" align="flex-end">
          <PortDayPicker
            ports={ports}
            dates={dates}
            port={d?.port ?? null}
            date={d?.serviceDate ?? null}
            today={d?.timeZone ? todayIn(d.timeZone) : null}
            onChange={setDay}
          />
          {d && (
            <Text size="xs" c="dimmed" aria-live="off">
              {t('dashboard.live', { time: format.time(new Date(dash.dataUpdatedAt).toISOString()) })}
            </Text>
          )}
        </Group>
        {(dash.isPending || overview.isPending || accuracy.isPending) && <Loading />}
        {dash.error && failed(dash.error)}
        {d && (
          <>
            <FiguresBar
              figures={d.figures}
              openReferrals={d.openReferrals}
              actions={exporter('figures', t('dashboard.figures.title'))}
            />
            <SimpleGrid cols={{ base: 1, lg: 3 }}>
              <HoursTable rows={d.perHour} actions={exporter('perHour', t('dashboard.hours.title'))} />
              <WorkTable
                by="booth"
                rows={d.booths}
                actions={exporter('booths', t('dashboard.work.booths'))}
              />
              <WorkTable
                by="officer"
                rows={d.officers}
                actions={exporter('officers', t('dashboard.work.officers'))}
              />
            </SimpleGrid>
          </>
        )}
        {referrals.error && failed(referrals.error)}
        {referrals.data && (
          <ReferralList
            referrals={referrals.data}
            onSignOff={(s) => signOff.mutate(s)}
            pending={signOff.isPending && signOff.variables ? signOff.variables.encounterId : null}
            actions={exporter('referrals', t('dashboard.referrals.title'))}
          />
        )}
        {d && (
          <SimpleGrid cols={{ base: 1, md: 2, lg: 4 }}>
            <CountsCard
              title={t('dashboard.counts.outcomes')}
              counts={outcomes(d.figures)}
              labelOf={(k) => (isDisposition(k) ? labels.disposition(k) : rawLabel(k))}
            />
            <CountsCard
              title={t('dashboard.counts.appointments')}
              counts={d.appointments}
              labelOf={labels.status}
            />
            <CountsCard
              title={t('dashboard.counts.verification')}
              counts={d.verificationBands}
              labelOf={(k) => (isDashboardBand(k) ? t(`dashboard.bands.${k}`) : rawLabel(k))}
            />
            <ThroughputCard pendingUploads={d.pendingUploads} enrolment={d.enrolment} />
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
    </FormatProvider>
  );
}
