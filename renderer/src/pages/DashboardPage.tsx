// Runs in: renderer. Supervisor dashboard: today's arrivals and outcomes at this port, flags by
// rule with the precision supervisors' reviews give, cross-port trends, flags to review, audit.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ResponseOf } from '../../../ipc/contract';
import { call } from '../api';
import { AuditPanel } from '../components/AuditPanel';
import { RULE_NAME, SEVERITY_COLOR } from '../components/FlagsPanel';

type Dash = ResponseOf<'arrivals.dashboard'>;
type Overview = ResponseOf<'flags.overview'>;

function Counts({ title, counts }: { title: string; counts: Record<string, number> }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <Paper withBorder p="md">
      <Text fw={700} mb="xs">{title}</Text>
      {total === 0 && <Text c="dimmed" size="sm">None yet today.</Text>}
      <Stack gap={6}>
        {Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => (
          <div key={k}>
            <Group justify="space-between"><Text size="sm">{k.replace(/_/g, ' ')}</Text><Text size="sm" fw={600}>{v}</Text></Group>
            <Progress value={(v / total) * 100} size="sm" />
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

export function DashboardPage() {
  const [dash, setDash] = useState<Dash | null>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    void call('arrivals.dashboard', {}).then(setDash, (e: Error) => setError(e.message));
    void call('flags.overview', {}).then(setOverview, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Dashboard</Title>
        {dash?.serviceDate && <Text c="dimmed">{dash.port} · {dash.serviceDate}</Text>}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {dash && (
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <Counts title="Appointments" counts={dash.appointments} />
          <Counts title="Outcomes" counts={dash.dispositions} />
          <Counts title="Face verification" counts={dash.verificationBands} />
          <Paper withBorder p="md">
            <Text fw={700} mb="xs">Throughput (cases per hour)</Text>
            {dash.perHour.length === 0 ? <Text c="dimmed" size="sm">No cases completed yet.</Text> : dash.perHour.map((h) => <Group key={h.hour} justify="space-between"><Text size="sm">{h.hour}</Text><Text size="sm" fw={600}>{h.completed}</Text></Group>)}
            <Text size="sm" mt="sm">Waiting to upload: {dash.pendingUploads}</Text>
            <Text size="sm">Photos enrolled: {dash.enrolment.done}/{dash.enrolment.total}{dash.enrolment.unusable ? ` (${dash.enrolment.unusable} unusable)` : ''}</Text>
          </Paper>
        </SimpleGrid>
      )}
      {overview && (
        <>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">Flags by rule</Title>
            <Table aria-label="Flags by rule">
              <Table.Thead><Table.Tr><Table.Th>Rule</Table.Th><Table.Th>Open</Table.Th><Table.Th>Acknowledged</Table.Th><Table.Th>Confirmed</Table.Th><Table.Th>False positive</Table.Th><Table.Th>Precision (reviewed)</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {overview.rules.map((r) => (
                  <Table.Tr key={r.ruleId}>
                    <Table.Td title={r.description}>{RULE_NAME[r.ruleId] ?? r.ruleId} <Text span size="xs" c="dimmed">v{r.version}</Text></Table.Td>
                    <Table.Td>{r.open}</Table.Td><Table.Td>{r.acknowledged}</Table.Td><Table.Td>{r.confirmed}</Table.Td><Table.Td>{r.falsePositive}</Table.Td>
                    <Table.Td data-testid={`precision-${r.ruleId}`}>{r.precision === null ? '—' : `${Math.round(r.precision * 100)} %`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">Shared across ports and days</Title>
            <Table aria-label="Cross-port trends" fz="sm">
              <Table.Thead><Table.Tr><Table.Th>Kind</Table.Th><Table.Th>Shared value</Table.Th><Table.Th>Applicants</Table.Th><Table.Th>Unrelated households</Table.Th><Table.Th>Ports</Table.Th><Table.Th>Days</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {overview.trends.map((t, i) => (
                  <Table.Tr key={i}><Table.Td>{t.kind}</Table.Td><Table.Td>{t.example}</Table.Td><Table.Td>{t.applicants}</Table.Td><Table.Td>{t.households}</Table.Td><Table.Td>{t.ports.join(', ')}</Table.Td><Table.Td>{t.days}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">Flags to review</Title>
            <Stack gap="xs">
              {overview.recent.slice(0, 30).map((f) => (
                <Paper key={f.id} withBorder p="xs" data-testid="review-flag">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Badge size="sm" color={SEVERITY_COLOR[f.severity]}>{f.severity}</Badge>
                        <Text size="sm" fw={600}>{RULE_NAME[f.ruleId] ?? f.ruleId}</Text>
                        <Text size="sm">{f.applicantName} · {f.port} {f.serviceDate}</Text>
                        {f.feedback && <Badge variant="outline" size="sm">{f.feedback.replace('_', ' ')}</Badge>}
                      </Group>
                      <Text size="xs" c="dimmed">{f.explanation}</Text>
                    </Stack>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" color="red" onClick={() => void call('flags.feedback', { flagId: f.id, verdict: 'false_positive' }).then(load)}>False positive</Button>
                      <Button size="compact-xs" variant="light" color="green" onClick={() => void call('flags.feedback', { flagId: f.id, verdict: 'confirmed' }).then(load)}>Confirm</Button>
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          </Paper>
        </>
      )}
      <AuditPanel />
    </Stack>
  );
}
