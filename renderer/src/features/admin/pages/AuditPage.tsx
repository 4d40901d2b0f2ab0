// Runs in: renderer. Admin › Audit: the same audit log the supervisors' dashboard shows.
import { AuditPanel } from '../../audit/AuditPanel';

export default function AuditPage() {
  return <AuditPanel />;
}
