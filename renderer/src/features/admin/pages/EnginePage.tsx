// Runs in: renderer. Admin › Engine (container): the engine status, refreshed on demand.
import { useEngineStatus } from '../queries';
import { EngineStatusCard } from '../components/EngineStatusCard';

export default function EnginePage() {
  const status = useEngineStatus();
  return (
    <EngineStatusCard
      status={status.data}
      loadError={status.error?.message ?? null}
      refreshing={status.isFetching}
      onRefresh={() => void status.refetch()}
    />
  );
}
