// Runs in: renderer. The applicant's vetting flags, each with its explanation and evidence;
// the officer acknowledges each one (with an optional note) before completing the case.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { FlagView } from '../../../ipc/contract';
import { call } from '../api';

export const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'yellow' } as const;
export const RULE_NAME: Record<string, string> = {
  SHARED_ADDRESS: 'Shared address',
  SHARED_PHONE: 'Shared phone',
  SHARED_EMAIL: 'Shared email',
  SHARED_DEVICE: 'Shared booking device',
  FACE_DUPLICATE: 'Same face, other identity',
  IDENTITY_DUPLICATE: 'Duplicate identity',
  DOCUMENT_DUPLICATE: 'Duplicate document',
  LOOKOUT_MATCH: 'Lookout list match',
  PHOTO_PROBLEM: 'Submitted photo problem',
};

interface Evidence {
  summary: string;
  others: Array<{ applicantId: string; name: string; port: string; serviceDate: string; groupId: string; matched: string }>;
  othersTotal: number;
}

export function FlagCard({ flag, onChange, canAcknowledge }: { flag: FlagView; onChange: (f: FlagView) => void; canAcknowledge: boolean }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const e = flag.evidence as Evidence;
  return (
    <Paper withBorder p="sm" data-testid="flag" bg={flag.acknowledgedAt ? 'gray.0' : undefined}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Group gap="xs">
            <Badge color={SEVERITY_COLOR[flag.severity]}>{flag.severity}</Badge>
            <Text fw={700}>{RULE_NAME[flag.ruleId] ?? flag.ruleId}</Text>
            <Text size="xs" c="dimmed" title={flag.ruleDescription}>rule v{flag.ruleVersion}</Text>
          </Group>
          {flag.acknowledgedAt && <Badge color="gray" variant="outline">acknowledged by {flag.acknowledgedBy}</Badge>}
        </Group>
        <Text size="sm">{flag.explanation}</Text>
        {e.others.length > 0 && (
          <Table fz="xs" withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>Also</Table.Th><Table.Th>Port · date</Table.Th><Table.Th>Group</Table.Th><Table.Th>What matched</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {e.others.slice(0, 8).map((o) => (
                <Table.Tr key={o.applicantId}><Table.Td>{o.name}</Table.Td><Table.Td>{o.port} · {o.serviceDate}</Table.Td><Table.Td>{o.groupId}</Table.Td><Table.Td>{o.matched}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {e.othersTotal > 8 && <Text size="xs" c="dimmed">… and {e.othersTotal - 8} more</Text>}
        {flag.ackNote && <Text size="xs">Note: {flag.ackNote}</Text>}
        {canAcknowledge && !flag.acknowledgedAt && (
          <Group align="flex-end">
            <TextInput size="xs" placeholder="Note (optional)" aria-label={`Note for ${RULE_NAME[flag.ruleId] ?? flag.ruleId}`} value={note} onChange={(ev) => setNote(ev.currentTarget.value)} style={{ flex: 1 }} />
            <Button size="xs" onClick={() => void call('flags.acknowledge', { flagId: flag.id, note: note || undefined }).then(onChange, (err: Error) => setError(err.message))}>
              Acknowledge
            </Button>
          </Group>
        )}
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  );
}

export function FlagsPanel({ flags, onChange }: { flags: FlagView[]; onChange: (f: FlagView) => void }) {
  const open = flags.filter((f) => !f.acknowledgedAt).length;
  return (
    <Paper withBorder p="md" aria-label="Flags">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>Flags</Title>
          {flags.length === 0 ? <Badge color="green" variant="light">none</Badge> : <Badge color={open ? 'orange' : 'gray'}>{open ? `${open} to acknowledge` : 'all acknowledged'}</Badge>}
        </Group>
        {flags.length > 0 && <Text size="xs" c="dimmed">Flags advise: they are reasons to ask questions, not findings. No flag uses nationality, race, sex or language.</Text>}
        {flags.map((f) => <FlagCard key={f.id} flag={f} onChange={onChange} canAcknowledge />)}
      </Stack>
    </Paper>
  );
}
