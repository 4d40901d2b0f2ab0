// Runs in: renderer. The audit log (container): recent entries and the chain check. Shown on
// the supervisor's dashboard and as an admin sub-page.
import { AuditLog } from './components/AuditLog';
import { useVerifyAuditChain } from './mutations';
import { useRecentAudit } from './queries';

export function AuditPanel() {
  const recent = useRecentAudit();
  const verify = useVerifyAuditChain();
  return (
    <AuditLog
      entries={recent.data}
      loadError={recent.error?.message ?? null}
      check={verify.data}
      verifying={verify.isPending}
      onVerify={() => verify.mutate({})}
    />
  );
}
