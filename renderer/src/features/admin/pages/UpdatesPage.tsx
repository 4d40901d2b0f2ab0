// Runs in: renderer. Admin › Updates (container): the update this console is offered (its
// rollout, download and "install now") and the fleet of booths at the port.
import { useEffect } from 'react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryContent } from '../../../ui/QueryContent';
import { QuerySection } from '../../../ui/QuerySection';
import { FleetTable } from '../components/FleetTable';
import { UpdateStatusCard } from '../components/UpdateStatusCard';
import { useCheckForUpdate, useInstallUpdate } from '../mutations';
import { useFleet, useUpdateStatus } from '../queries';

export default function UpdatesPage() {
  const { t } = useTranslation();
  const status = useUpdateStatus();
  const fleet = useFleet();
  const check = useCheckForUpdate();
  const install = useInstallUpdate();
  // This console's own row follows its update (downloaded, installing) without waiting a minute.
  const phase = status.data?.phase;
  const refetchFleet = fleet.refetch;
  useEffect(() => {
    if (phase) void refetchFleet();
  }, [phase, refetchFleet]);
  return (
    <Stack>
      <QueryContent query={status}>
        {(s) => (
          <UpdateStatusCard
            status={s}
            checking={check.isPending}
            onCheck={() => check.mutate({})}
            installing={install.isPending}
            onInstall={() => install.mutate({})}
            installError={install.error?.message ?? null}
          />
        )}
      </QueryContent>
      <QuerySection
        title={t('admin.updates.fleet.title', { port: fleet.data?.port ?? '' })}
        query={fleet}
        testId="fleet"
      >
        {(f) => <FleetTable fleet={f} />}
      </QuerySection>
    </Stack>
  );
}
