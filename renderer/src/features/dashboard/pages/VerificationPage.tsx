// Runs in: renderer. The dashboard's verification tab, /dashboard/verification (container): what
// the day's face comparisons and manual identity checks came to, overall and by group (small
// groups suppressed), face matching per model version, then the blind-first comparison (officers'
// own judgements beside the withheld scores). An accountability view: nothing here feeds a
// decision.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BlindFirstPanel } from '../components/BlindFirstPanel';
import { FaceAccuracy } from '../components/FaceAccuracy';
import { SourceContent } from '../components/DashboardSource';
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
            <SourceContent query={accuracy}>
              {(models) => <FaceAccuracy models={models} level={3} />}
            </SourceContent>
          </VerificationPanel>
          <BlindFirstPanel day={day} revision={d.verification.overall.blind} />
        </Stack>
      )}
    </WithFigures>
  );
}
