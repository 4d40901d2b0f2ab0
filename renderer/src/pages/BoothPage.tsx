// Runs in: renderer. Officer's booth: today's queue with search; selecting a person opens
// their case (record, group, submitted photo). Verification and disposition build on this.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { SEVERITY_COLOR } from '../components/FlagsPanel';
import type { ResponseOf } from '../../../ipc/contract';
import { call } from '../api';
import { CasePanel } from '../components/CasePanel';

type Queue = ResponseOf<'queue.today'>;

const STATUS_COLOR: Record<string, string> = { scheduled: 'blue', rescheduled: 'grape', cancelled: 'gray', arrived: 'teal', completed: 'green', no_show: 'orange' };

/** Slot times in the port's own time zone, whatever the machine's clock is set to. */
export function portTime(iso: string, timeZone: string | null): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone: timeZone ?? undefined });
}

export function BoothPage() {
  const [queue, setQueue] = useState<Queue | null>(null);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback((q: string) => {
    void call('queue.today', q ? { search: q } : {}).then(
      (r) => {
        setQueue(r);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  useEffect(() => {
    const t = setTimeout(() => load(search), search ? 250 : 0);
    return () => clearTimeout(t);
  }, [search, load]);

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>Today's arrivals</Title>
          {queue?.serviceDate && <Text c="dimmed">{queue.port} · {queue.serviceDate}</Text>}
        </Group>
        <TextInput placeholder="Search name, registration id or document number" aria-label="Search arrivals" value={search} onChange={(e) => setSearch(e.currentTarget.value)} size="md" />
        <Switch label="Only people with open flags" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.currentTarget.checked)} />
        {queue && (
          <Group gap="xs">
            {Object.entries(queue.counts).map(([k, v]) => (
              <Badge key={k} color={STATUS_COLOR[k] ?? 'gray'} variant="light">{k}: {v}</Badge>
            ))}
          </Group>
        )}
        {error && <Alert color="red">{error}</Alert>}
        {queue && queue.items.length === 0 && (
          <Alert color="gray" title={search ? 'No match' : "No arrivals for today"}>
            {search ? 'Nobody in today\'s manifest matches that search.' : 'No manifest has been synced for this port today yet. Arrivals appear here once it is.'}
          </Alert>
        )}
        {queue && queue.items.length > 0 && (
          <Paper withBorder>
            <ScrollArea h="calc(100vh - 300px)">
              <Table highlightOnHover stickyHeader aria-label="Arrivals queue">
                <Table.Thead>
                  <Table.Tr><Table.Th>Time</Table.Th><Table.Th>Name</Table.Th><Table.Th>Born</Table.Th><Table.Th>Group</Table.Th><Table.Th>Flags</Table.Th><Table.Th>Status</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {queue.items.filter((it) => !onlyFlagged || it.openFlags > 0).map((it) => (
                    <Table.Tr key={it.appointmentId} onClick={() => setSelected(it.applicantId)} style={{ cursor: 'pointer' }} bg={selected === it.applicantId ? 'indigo.0' : undefined}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{portTime(it.slot, queue.timeZone)}</Table.Td>
                      <Table.Td>
                        <Text fw={600}>{it.familyNames}, {it.givenNames}</Text>
                        {it.nameAsWritten !== `${it.givenNames} ${it.familyNames}` && <Text size="sm" c="dimmed">{it.nameAsWritten}</Text>}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{it.dob}</Table.Td>
                      <Table.Td>{it.groupSize > 1 ? `${it.groupSize} people` : 'alone'}</Table.Td>
                      <Table.Td>{it.openFlags > 0 && it.topSeverity && <Badge size="sm" color={SEVERITY_COLOR[it.topSeverity]} data-testid="queue-flags">{it.openFlags}</Badge>}</Table.Td>
                      <Table.Td><Badge size="sm" color={STATUS_COLOR[it.status] ?? 'gray'} style={{ overflow: 'visible' }}>{it.status}</Badge></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Paper>
        )}
      </Stack>
      <div>{selected ? <CasePanel applicantId={selected} onCompleted={() => load(search)} /> : <Alert color="gray">Select a person in the queue to open their case.</Alert>}</div>
    </SimpleGrid>
  );
}
