// Runs in: renderer. Recent audit entries and a chain check.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { AuditEntryView, AuditVerifyView } from '../../../ipc/contract';
import { call } from '../api';

export function AuditPanel() {
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [check, setCheck] = useState<AuditVerifyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => void call('audit.recent', { limit: 50 }).then(setEntries, (e: Error) => setError(e.message));
  useEffect(load, []);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Audit log</Title>
        <Button variant="light" onClick={() => void call('audit.verify', {}).then((r) => { setCheck(r); load(); }, (e: Error) => setError(e.message))}>
          Verify chain
        </Button>
      </Group>
      {check && (
        <Alert mb="sm" color={check.ok ? 'green' : 'red'} data-testid="audit-verify-result">
          {check.ok ? `Intact: ${check.entries} entries verified.` : `Broken at entry ${check.firstBrokenSeq}: ${check.problem}`}
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <ScrollArea h={360}>
        <Table striped>
          <Table.Thead>
            <Table.Tr><Table.Th>#</Table.Th><Table.Th>Time</Table.Th><Table.Th>Who</Table.Th><Table.Th>Action</Table.Th><Table.Th>Subject</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>{e.seq}</Table.Td>
                <Table.Td><Text size="sm">{new Date(e.at).toLocaleString()}</Text></Table.Td>
                <Table.Td>{e.actor}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>{e.subject}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
