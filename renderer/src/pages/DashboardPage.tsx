// Runs in: renderer. Supervisor dashboard: audit trail now; arrivals and flags as they land.
import { Stack, Title } from '@mantine/core';
import { AuditPanel } from '../components/AuditPanel';

export function DashboardPage() {
  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      <AuditPanel />
    </Stack>
  );
}
