// Runs in: renderer. Supervisor dashboard (container): a port-day (default: today at this port;
// ?port=&date= in the address) at a glance, live: case figures, completions per hour against
// scheduled (chart and table), per booth and officer, referrals to sign off; verification outcomes
// overall and by group with face matching per model version; flags by rule (chart), the review
// queue whose flags open their case and evidence in place, cross-port trends (chart); the audit
// log. Every table exports as CSV; the day's report downloads as PDF. Each source fails in place.
import { useEffect, useRef } from 'react';
import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
// The charts' styles load with this page's chunk, not with the first screen.
import '@mantine/charts/styles.css';
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
import { HoursChart } from '../components/HoursChart';
import { HoursTable } from '../components/HoursTable';
import { PortDayPicker } from '../components/PortDayPicker';
import { ReferralList } from '../components/ReferralList';
import { ReviewFlagList } from '../components/ReviewFlagList';
import { ThroughputCard } from '../components/ThroughputCard';
import { TrendsTable } from '../components/TrendsTable';
import { VerificationPanel } from '../components/VerificationPanel';
import { WorkTable } from '../components/WorkTable';
import { saveBase64, saveText } from '../download';
import { FlagCase } from '../FlagCase';
import { isDisposition, rawLabel } from '../labels';
import { useDailyReport, useExportCsv, useFlagFeedback, useSignOff } from '../mutations';
import { useArrivalsDashboard, useFaceAccuracy, useFlagReview, usePortDays, useReferrals } from '../queries';

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
  const review = useFlagReview(day);
  const accuracy = useFaceAccuracy();
  const feedback = useFlagFeedback();
  const signOff = useSignOff();
  const exportCsv = useExportCsv();
  const report = useDailyReport();
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
  // Likewise the flag queue, when the day's flags per rule change in number (a verdict refetches it
  // itself: it only moves a flag from open to reviewed).
  const flagged = d
    ? `${d.port}:${d.serviceDate}:${d.flagRules.map((r) => r.open + r.acknowledged + r.reviewed).join()}`
    : null;
  const seenFlags = useRef(flagged);
  const refetchReview = review.refetch;
  useEffect(() => {
    if (flagged !== null && seenFlags.current !== null && seenFlags.current !== flagged) void refetchReview();
    seenFlags.current = flagged;
  }, [flagged, refetchReview]);

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
          <Group gap="sm" align="center">
            {d && (
              <Text size="xs" c="dimmed" aria-live="off">
                {t('dashboard.live', { time: format.time(new Date(dash.dataUpdatedAt).toISOString()) })}
              </Text>
            )}
            <Button
              size="compact-sm"
              disabled={!d?.port}
              loading={report.isPending}
              onClick={() =>
                report.mutate(day, {
                  onSuccess: (file) => saveBase64(file.filename, file.pdfBase64, 'application/pdf'),
                })
              }
            >
              {t('dashboard.report.pdf')}
            </Button>
          </Group>
        </Group>
        {(dash.isPending || review.isPending || accuracy.isPending) && <Loading />}
        {dash.error && failed(dash.error)}
        {d && (
          <>
            <FiguresBar
              figures={d.figures}
              openReferrals={d.openReferrals}
              actions={exporter('figures', t('dashboard.figures.title'))}
            />
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <HoursTable
                rows={d.perHour}
                actions={exporter('perHour', t('dashboard.hours.title'))}
                chart={<HoursChart rows={d.perHour} />}
              />
              <Stack>
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
              </Stack>
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
          <SimpleGrid cols={{ base: 1, md: 3 }}>
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
            <ThroughputCard pendingUploads={d.pendingUploads} enrolment={d.enrolment} />
          </SimpleGrid>
        )}
        {d && (
          <VerificationPanel
            verification={d.verification}
            actions={exporter('verification', t('dashboard.verification.title'))}
          >
            {accuracy.error && failed(accuracy.error)}
            {accuracy.data && <FaceAccuracy models={accuracy.data} level={3} />}
          </VerificationPanel>
        )}
        {d && (
          <FlagsByRuleTable rules={d.flagRules} actions={exporter('flagRules', t('dashboard.flags.title'))} />
        )}
        {review.error && failed(review.error)}
        {review.data && (
          <>
            <ReviewFlagList
              flags={review.data.queue}
              total={review.data.total}
              onVerdict={(flagId, verdict, note) =>
                feedback.mutate({ flagId, verdict, ...(note !== undefined && { note }) })
              }
              pending={feedback.isPending && feedback.variables ? feedback.variables : null}
              renderCase={(f) => <FlagCase flag={f} />}
            />
            <TrendsTable
              trends={review.data.trends}
              actions={exporter('trends', t('dashboard.trends.title'))}
            />
          </>
        )}
        <AuditPanel />
      </Stack>
    </FormatProvider>
  );
}
