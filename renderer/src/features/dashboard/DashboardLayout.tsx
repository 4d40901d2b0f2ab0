// Runs in: renderer. Around every tab of the supervisor dashboard (container): the page's one h1
// beside the port-day (default: today at this port; ?port=&date= in the address, kept across tabs), the
// daily report (PDF), and the tabs: the day's figures, identity verification, flags to review,
// referrals to sign off, cross-port trends, the audit log. The day's figures are polled here,
// once for every tab (live within 5 s); each tab asks for its own lists.
import type { ReactNode } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useSearchParams } from 'react-router';
import type { CsvTable } from '../../../../ipc/channels/reporting';
import { FormatProvider, useFormat } from '../../format';
import { DashboardTabs, type DashboardTab } from './components/DashboardTabs';
import { ExportButton } from './components/ExportButton';
import { LoadFailed } from './components/DashboardSource';
import { PortDayPicker } from './components/PortDayPicker';
import { saveBase64, saveText } from './download';
import { useDailyReport, useExportCsv } from './mutations';
import type { DashboardOutlet } from './outlet';
import { portDayOf, useArrivalsDashboard, usePortDays } from './queries';

const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/** `live` off stops the polling (tests that count requests); the route leaves it on. */
export default function DashboardLayout({ live = true }: { live?: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { pathname, search } = useLocation();
  const day = portDayOf(params);
  const dash = useArrivalsDashboard(day, live);
  const portDays = usePortDays();
  const exportCsv = useExportCsv();
  const report = useDailyReport();
  const d = dash.data;

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

  const toReview = d?.flagRules.reduce((n, r) => n + r.open + r.acknowledged, 0);
  const tabs: DashboardTab[] = [
    { to: '/dashboard', label: t('dashboard.tabs.figures') },
    { to: '/dashboard/verification', label: t('dashboard.tabs.verification') },
    { to: '/dashboard/review', label: t('dashboard.tabs.review'), count: toReview },
    { to: '/dashboard/referrals', label: t('dashboard.tabs.referrals'), count: d?.openReferrals },
    { to: '/dashboard/trends', label: t('dashboard.tabs.trends') },
    { to: '/dashboard/audit', label: t('dashboard.tabs.audit') },
  ];
  const at = pathname.replace(/\/+$/, '');
  const active = tabs.find((tab) => tab.to === at)?.to ?? '/dashboard';
  const outlet: DashboardOutlet = { day, dash, exporter };

  return (
    <FormatProvider timeZone={d?.timeZone}>
      <Stack gap="sm">
        <Header
          updatedAt={d ? dash.dataUpdatedAt : null}
          picker={
            <PortDayPicker
              ports={ports}
              dates={dates}
              port={d?.port ?? null}
              date={d?.serviceDate ?? null}
              today={d?.timeZone ? todayIn(d.timeZone) : null}
              onChange={(next) => setParams({ port: next.port, ...(next.date && { date: next.date }) })}
            />
          }
          report={
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
          }
        />
        <LoadFailed error={dash.error} />
        <DashboardTabs tabs={tabs} active={active} search={search} label={t('dashboard.tabs.label')}>
          <Outlet context={outlet} />
        </DashboardTabs>
      </Stack>
    </FormatProvider>
  );
}

/** One row: the h1, the port-day picker, when the figures were last asked, and the report. */
function Header({
  updatedAt,
  picker,
  report,
}: {
  updatedAt: number | null;
  picker: ReactNode;
  report: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Group align="flex-end" gap="xl">
        <Title order={1} size="h2" lh={1.6}>
          {t('dashboard.title')}
        </Title>
        {picker}
      </Group>
      <Group gap="sm" align="center" mb={6}>
        {updatedAt !== null && (
          <Text size="xs" c="dimmed" aria-live="off">
            {t('dashboard.live', { time: format.time(new Date(updatedAt).toISOString()) })}
          </Text>
        )}
        {report}
      </Group>
    </Group>
  );
}
