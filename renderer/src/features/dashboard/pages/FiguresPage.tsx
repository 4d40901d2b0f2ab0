// Runs in: renderer. The dashboard's first tab, /dashboard (container): the day's case figures
// with the open referrals, completions per hour against scheduled (chart and table), per booth and
// per officer, then outcomes, appointments by status, uploads and photos. Each table exports as
// CSV. Reads only the layout's polled figures: no request of its own.
import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DayFigures } from '../../../../../ipc/channels/reporting';
import { useLabels } from '../../../i18n/labels';
import { CountsCard } from '../components/CountsCard';
import { FiguresBar } from '../components/FiguresBar';
import { HoursChart } from '../components/HoursChart';
import { HoursTable } from '../components/HoursTable';
import { ThroughputCard } from '../components/ThroughputCard';
import { WorkTable } from '../components/WorkTable';
import { isDisposition, rawLabel } from '../labels';
import { useDashboardOutlet, WithFigures } from '../outlet';

/** How tall the booth and officer tables grow before they scroll (about a screen at 1366×768). */
const TABLE_HEIGHT = 300;
/** The hours table's, under the chart beside them. */
const HOURS_HEIGHT = 140;

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

export default function FiguresPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { exporter } = useDashboardOutlet();
  return (
    <WithFigures>
      {(d) => (
        <Stack gap="sm">
          <FiguresBar
            figures={d.figures}
            openReferrals={d.openReferrals}
            actions={exporter('figures', t('dashboard.figures.title'))}
          />
          <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="sm">
            <HoursTable
              rows={d.perHour}
              actions={exporter('perHour', t('dashboard.hours.title'))}
              chart={<HoursChart rows={d.perHour} />}
              maxHeight={HOURS_HEIGHT}
            />
            <WorkTable
              by="booth"
              rows={d.booths}
              actions={exporter('booths', t('dashboard.work.booths'))}
              maxHeight={TABLE_HEIGHT}
            />
            <WorkTable
              by="officer"
              rows={d.officers}
              actions={exporter('officers', t('dashboard.work.officers'))}
              maxHeight={TABLE_HEIGHT}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
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
        </Stack>
      )}
    </WithFigures>
  );
}
