// Runs in: renderer. One applicant's case: submitted photo beside the record and group.
import { useEffect, useState } from 'react';
import { Alert, Badge, Group, Image, List, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ApplicantView } from '../../../ipc/contract';
import { call } from '../api';
import { VerifyPanel } from './VerifyPanel';
import { FlagsPanel } from './FlagsPanel';
import { DispositionPanel } from './DispositionPanel';

export function CasePanel({ applicantId, onCompleted }: { applicantId: string; onCompleted?: () => void }) {
  const [a, setA] = useState<ApplicantView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openedAt, setOpenedAt] = useState(() => new Date().toISOString());
  const [verificationId, setVerificationId] = useState<number | null>(null);
  useEffect(() => {
    setA(null);
    setError(null);
    setVerificationId(null);
    setOpenedAt(new Date().toISOString());
    void call('applicant.get', { applicantId }).then(setA, (e: Error) => setError(e.message));
  }, [applicantId]);
  const reload = () => void call('applicant.get', { applicantId }).then(setA, (e: Error) => setError(e.message));
  // While a decision waits for the server, follow its upload state.
  const waiting = a?.encounters.some((e) => !e.uploaded) ?? false;
  useEffect(() => {
    if (!waiting) return;
    const t = setInterval(() => void call('encounter.list', { applicantId }).then((encounters) => setA((cur) => (cur ? { ...cur, encounters } : cur)), () => undefined), 3000);
    return () => clearInterval(t);
  }, [waiting, applicantId]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!a) return <Loader />;
  const rows: Array<[string, string]> = [
    ['Registration', a.applicantId],
    ['Date of birth', a.dob],
    ['Document', a.document ? `${a.document.type} ${a.document.number} (${a.document.issuer})` : 'none given'],
    ['US address', [a.address.line1, a.address.line2, `${a.address.city}, ${a.address.state} ${a.address.zip}`].filter(Boolean).join(', ')],
    ['Phone', a.phone],
    ['Email', a.email],
    ['Preferred language', a.language],
  ];
  return (
    <Stack>
    <Paper withBorder p="md" aria-label="Case">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>{a.familyNames}, {a.givenNames}</Title>
            {a.nameAsWritten !== `${a.givenNames} ${a.familyNames}` && <Text c="dimmed">As written: {a.nameAsWritten}</Text>}
          </div>
          {a.appointments.map((x) => <Badge key={x.appointmentId} size="lg">{x.status} · {new Date(x.slot).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone: a.timeZone })}</Badge>)}
        </Group>
        <Group align="flex-start" wrap="nowrap">
          <Stack gap={4} w={220}>
            <Text size="sm" fw={600}>Submitted photo</Text>
            {a.photo ? <Image src={a.photo} alt="Submitted photo" w={220} radius="md" /> : <Alert color="gray" p="xs"><Text size="sm">{a.photoMissingReason}</Text></Alert>}
            {a.photoCapturedAt && <Text size="xs" c="dimmed">Taken {new Date(a.photoCapturedAt).toLocaleString()}</Text>}
          </Stack>
          <Table>
            <Table.Tbody>
              {rows.map(([k, v]) => (
                <Table.Tr key={k}><Table.Th w={160}>{k}</Table.Th><Table.Td>{v}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Group>
        {a.group.length > 1 && (
          <div>
            <Text fw={600}>Travelling with</Text>
            <List>
              {a.group.filter((m) => m.applicantId !== a.applicantId).map((m) => <List.Item key={m.applicantId}>{m.familyNames}, {m.givenNames} ({m.dob})</List.Item>)}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
    <FlagsPanel flags={a.flags} onChange={(f) => setA({ ...a, flags: a.flags.map((x) => (x.id === f.id ? f : x)) })} />
    {a.photo && <VerifyPanel applicantId={a.applicantId} referencePhoto={a.photo} onVerified={setVerificationId} />}
    <DispositionPanel applicant={a} openedAt={openedAt} verificationId={verificationId} onDone={() => { reload(); onCompleted?.(); }} />
    </Stack>
  );
}
