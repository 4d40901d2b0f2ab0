// Runs in: renderer. The dashboard's trends tab, /dashboard/trends (container): the values shared
// by the most applicants across ports and days of the vetting window (chart by port and table).
// They come with the day's flag review (one audited read for both tabs, cached between them).
import { useTranslation } from 'react-i18next';
import { SourceContent } from '../components/DashboardSource';
import { TrendsTable } from '../components/TrendsTable';
import { useDashboardOutlet } from '../outlet';
import { useFlagReview } from '../queries';

export default function TrendsPage() {
  const { t } = useTranslation();
  const { day, exporter } = useDashboardOutlet();
  const review = useFlagReview(day);
  return (
    <SourceContent query={review}>
      {(r) => <TrendsTable trends={r.trends} actions={exporter('trends', t('dashboard.trends.title'))} />}
    </SourceContent>
  );
}
