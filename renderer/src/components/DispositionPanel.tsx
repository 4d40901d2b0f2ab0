// Runs in: renderer. The officer's decision for the case, after every flag is acknowledged.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ApplicantView, Disposition } from '../../../ipc/contract';
import { call } from '../api';

const OPTIONS: Array<{ value: Disposition; label: string }> = [
  { value: 'processed', label: 'Processed' },
  { value: 'referred_secondary', label: 'Referred to secondary inspection' },
  { value: 'identity_not_confirmed', label: 'Identity not confirmed' },
  { value: 'no_show', label: 'No-show' },
];

export function DispositionPanel({ applicant, openedAt, verificationId, onDone }: { applicant: ApplicantView; openedAt: string; verificationId: number | null; onDone: () => void }) {
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unacked = applicant.flags.filter((f) => !f.acknowledgedAt).length;
  const last = applicant.encounters.at(-1);

  async function complete() {
    if (!disposition) return;
    setBusy(true);
    setError(null);
    try {
      await call('encounter.complete', { applicantId: applicant.applicantId, disposition, note, arrivedAt: openedAt, verificationId: verificationId ?? undefined, supersedes: last?.clientId });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" aria-label="Disposition">
      <Stack>
        <Title order={4}>Decision</Title>
        {applicant.encounters.map((e) => (
          <Group key={e.clientId} gap="xs">
            <Badge color={e.disposition === 'processed' ? 'green' : 'orange'}>{OPTIONS.find((o) => o.value === e.disposition)?.label}</Badge>
            <Text size="sm">by {e.officer} at {new Date(e.completedAt).toLocaleTimeString()}</Text>
            <Badge variant="outline" color={e.uploaded ? 'green' : 'gray'} data-testid="upload-state">{e.uploaded ? 'uploaded' : 'waiting to upload'}</Badge>
            {e.supersedes && <Text size="xs" c="dimmed">(correction)</Text>}
          </Group>
        ))}
        <Group align="flex-end">
          <Select label={last ? 'Record a correction' : 'Disposition'} data={OPTIONS} value={disposition} onChange={(v) => setDisposition(v as Disposition)} w={300} allowDeselect={false} />
          <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} style={{ flex: 1 }} />
          <Button onClick={() => void complete()} loading={busy} disabled={!disposition}>
            {last ? 'Record correction' : 'Complete case'}
          </Button>
        </Group>
        {unacked > 0 && <Text size="sm" c="orange.8">{unacked} flag{unacked === 1 ? '' : 's'} still to acknowledge.</Text>}
        {error && <Alert color="red" role="alert">{error}</Alert>}
      </Stack>
    </Paper>
  );
}
