// Runs in: renderer. Supervisor dashboard: today's arrivals and outcomes at this port, flags by
// rule with the precision supervisors' reviews give, cross-port trends, flags to review, face-match
// accuracy per model version, audit.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ResponseOf } from '../../../ipc/contract';
import { call } from '../api';
import { AuditPanel } from '../components/AuditPanel';
import { RULE_NAME, SEVERITY_COLOR } from '../components/FlagsPanel';

type Dash = ResponseOf<'arrivals.dashboard'>;
type Overview = ResponseOf<'flags.overview'>;
type Accuracy = ResponseOf<'face.accuracy'>;
type Counts = Accuracy[number]['field'];

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 1000) / 10} %` : '—');

function FieldRow({ label, c, enough = true }: { label: string; c: Counts; enough?: boolean }) {
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td>{c.verifications}</Table.Td>
      {enough ? (
        <>
          <Table.Td>{pct(c.match, c.verifications)}</Table.Td>
          <Table.Td>{pct(c.inconclusive, c.verifications)}</Table.Td>
          <Table.Td>{pct(c.noMatch, c.verifications)}</Table.Td>
          <Table.Td>{c.noResult}</Table.Td>
          <Table.Td>{c.confirmedAfterNonMatch}</Table.Td>
          <Table.Td>{c.notConfirmedAfterMatch}</Table.Td>
        </>
      ) : (
        <Table.Td colSpan={6}><Text size="xs" c="dimmed">too few to say</Text></Table.Td>
      )}
    </Table.Tr>
  );
}

/** Face-match accuracy per model version: the calibration, then what booths saw since. */
function FaceAccuracy({ models }: { models: Accuracy }) {
  return (
    <Paper withBorder p="md" aria-label="Face matching by model version">
      <Title order={4} mb="sm">Face matching by model version</Title>
      <Stack>
        {models.map((m) => (
          <Stack key={m.modelVersion} gap={6} data-testid={`face-model-${m.modelVersion}`}>
            <Group gap="xs">
              <Text fw={600}>{m.modelVersion}</Text>
              {m.current && <Badge size="sm">in use</Badge>}
            </Group>
            <Text size="sm">
              MATCH at ≥ {m.calibration.match}, INCONCLUSIVE at ≥ {m.calibration.inconclusive}.{' '}
              {m.calibration.calibrated
                ? `Calibrated ${m.calibration.computedAt.slice(0, 10)} on ${m.calibration.pairs ?? '?'} labelled pairs: AUC ${m.calibration.auc ?? '—'}, EER ${m.calibration.eer ?? '—'}, missed matches at 0.1 % false matches ${m.calibration.fnmrAtFmr01 === null ? '—' : pct(m.calibration.fnmrAtFmr01, 1)}.`
                : 'No calibration file for this version: default thresholds.'}
              {m.calibration.perGroup.length > 0 &&
                ` By pair condition: ${m.calibration.perGroup.map((g) => `${g.group} ${g.fnmr === null ? '—' : pct(g.fnmr, 1)} missed, ${g.fmr === null ? '—' : pct(g.fmr, 1)} false`).join('; ')}.`}
            </Text>
            <Table fz="sm" aria-label={`Booth verifications, ${m.modelVersion}`}>
              <Table.Thead>
                <Table.Tr><Table.Th>Booths</Table.Th><Table.Th>Verifications</Table.Th><Table.Th>MATCH</Table.Th><Table.Th>INCONCLUSIVE</Table.Th><Table.Th>NO MATCH</Table.Th><Table.Th>No result</Table.Th><Table.Th>Confirmed after non-match</Table.Th><Table.Th>Not confirmed after match</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <FieldRow label="All" c={m.field} />
                {m.groups.map((g) => <FieldRow key={`${g.dimension}:${g.group}`} label={`${g.dimension === 'sex' ? 'Sex' : 'Age'}: ${g.group}`} c={g} enough={g.enough} />)}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
        <Text size="xs" c="dimmed">
          Where the officer confirmed identity after a non-match, the matcher probably missed; where they did not after a match, it may have matched the wrong person. Groups under 20 verifications are not rated. These figures monitor the matcher; they never feed a flag or a decision.
        </Text>
      </Stack>
    </Paper>
  );
}

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
  const [accuracy, setAccuracy] = useState<Accuracy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    void call('arrivals.dashboard', {}).then(setDash, (e: Error) => setError(e.message));
    void call('flags.overview', {}).then(setOverview, (e: Error) => setError(e.message));
    void call('face.accuracy', {}).then(setAccuracy, (e: Error) => setError(e.message));
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
      {accuracy && <FaceAccuracy models={accuracy} />}
      <AuditPanel />
    </Stack>
  );
}
