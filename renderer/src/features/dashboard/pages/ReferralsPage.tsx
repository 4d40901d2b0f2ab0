// Runs in: renderer. The dashboard's referrals tab, /dashboard/referrals (container): the day's
// referrals to secondary inspection with the officer's reason and note, each signed off here
// (outcome and note, audited). The list names people (an audited read): asked again only when the
// day's referrals change.
import { useTranslation } from 'react-i18next';
import { SourceContent } from '../components/DashboardSource';
import { ReferralList } from '../components/ReferralList';
import { useSignOff } from '../mutations';
import { useDayList } from '../outlet';
import { useReferrals } from '../queries';

export default function ReferralsPage() {
  const { t } = useTranslation();
  const { exporter, list: referrals } = useDayList(
    useReferrals,
    (d) => `${d.port}:${d.serviceDate}:${d.figures.referred}:${d.openReferrals}`,
  );
  const signOff = useSignOff();
  return (
    <SourceContent query={referrals}>
      {(data) => (
        <ReferralList
          referrals={data}
          onSignOff={(s) => signOff.mutate(s)}
          pending={signOff.isPending && signOff.variables ? signOff.variables.encounterId : null}
          actions={exporter('referrals', t('dashboard.referrals.title'))}
        />
      )}
    </SourceContent>
  );
}
