// Runs in: renderer. The dashboard's verification tab, /dashboard/verification (container): what
// the day's face comparisons and manual identity checks came to, overall and by group (small
// groups suppressed), face matching per model version, then the blind-first comparison (officers'
// own judgements beside the withheld scores). An accountability view: nothing here feeds a
// decision.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading';
import { BlindFirstPanel } from '../components/BlindFirstPanel';
import { FaceAccuracy } from '../components/FaceAccuracy';
import { LoadFailed } from '../components/LoadFailed';
import { VerificationPanel } from '../components/VerificationPanel';
import { useDashboardOutlet, WithFigures } from '../outlet';
import { useFaceAccuracy } from '../queries';

export default function VerificationPage() {
  const { t } = useTranslation();
  const { day, exporter } = useDashboardOutlet();
  const accuracy = useFaceAccuracy();
  return (
    <WithFigures>
      {(d) => (
        <Stack gap="sm">
          <VerificationPanel
            verification={d.verification}
            actions={exporter('verification', t('dashboard.verification.title'))}
          >
            {accuracy.isPending && <Loading />}
            <LoadFailed error={accuracy.error} />
            {accuracy.data && <FaceAccuracy models={accuracy.data} level={3} />}
          </VerificationPanel>
          <BlindFirstPanel day={day} revision={d.verification.overall.blind} />
        </Stack>
      )}
    </WithFigures>
  );
}
