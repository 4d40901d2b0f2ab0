// Runs in: renderer. Admin: accounts, site settings, flag thresholds, bundle import, engine status, audit.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, PasswordInput, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { ROLES, type ResponseOf, type Role, type UserView } from '../../../ipc/contract';
import { call } from '../api';
import { AuditPanel } from '../components/AuditPanel';

export function AdminPage({ currentUser }: { currentUser: string }) {
  const [users, setUsers] = useState<UserView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'officer' as Role, password: '' });
  const [idle, setIdle] = useState<number | string>(10);
  const [retention, setRetention] = useState<number | string>(30);

  const load = () => void call('users.list', {}).then(setUsers, (e: Error) => setError(e.message));
  useEffect(() => {
    load();
    void call('settings.get', {}).then((s) => {
      setIdle(s.idleLockMinutes);
      setRetention(s.retentionDays);
    });
  }, []);

  const run = (p: Promise<unknown>) => void p.then(() => { setError(null); load(); }, (e: Error) => setError(e.message));

  return (
    <Stack>
      <Title order={2}>Admin</Title>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <Paper withBorder p="md">
        <Title order={4} mb="sm">Users</Title>
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>Username</Table.Th><Table.Th>Name</Table.Th><Table.Th>Role</Table.Th><Table.Th>Enabled</Table.Th><Table.Th>Last sign-in</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>
                  <Select aria-label={`Role of ${u.username}`} data={[...ROLES]} value={u.role} allowDeselect={false} disabled={u.username === currentUser}
                    onChange={(v) => v && run(call('users.setRole', { userId: u.id, role: v as Role }))} w={150} />
                </Table.Td>
                <Table.Td>
                  <Switch aria-label={`Enable ${u.username}`} checked={!u.disabled} disabled={u.username === currentUser}
                    onChange={(e) => run(call('users.setDisabled', { userId: u.id, disabled: !e.currentTarget.checked }))} />
                </Table.Td>
                <Table.Td>{u.lastSignInAt ? new Date(u.lastSignInAt).toLocaleString() : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <form onSubmit={(e) => { e.preventDefault(); run(call('users.create', form).then(() => setForm((f) => ({ ...f, username: '', displayName: '', password: '' })))); }}>
          <Group mt="md" align="flex-end">
            <TextInput label="Username" value={form.username} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, username: v })); }} required />
            <TextInput label="Full name" value={form.displayName} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, displayName: v })); }} required />
            <Select label="Role" data={[...ROLES]} value={form.role} allowDeselect={false} onChange={(v) => v && setForm((f) => ({ ...f, role: v as Role }))} w={150} />
            <PasswordInput label="Initial password" value={form.password} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, password: v })); }} required />
            <Button type="submit">Add user</Button>
          </Group>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">Site settings</Title>
        <Group align="flex-end">
          <NumberInput label="Idle lock (minutes)" min={1} max={240} value={idle} onChange={setIdle} w={180} />
          <NumberInput label="Retention of personal data (days)" min={1} max={3650} value={retention} onChange={setRetention} w={260} />
          <Button onClick={() => run(call('settings.update', { idleLockMinutes: Number(idle), retentionDays: Number(retention) }))}>Save</Button>
        </Group>
      </Paper>
      <FlagThresholds />
      <BundleImport />
      <EngineStatus />
      <AuditPanel />
    </Stack>
  );
}

const THRESHOLDS: Array<{ key: keyof ResponseOf<'flags.config'>; label: string; step: number }> = [
  { key: 'sharedAddressMinHouseholds', label: 'Shared address: unrelated households', step: 1 },
  { key: 'sharedPhoneMinHouseholds', label: 'Shared phone: unrelated households', step: 1 },
  { key: 'sharedEmailMinHouseholds', label: 'Shared email: unrelated households', step: 1 },
  { key: 'sharedDeviceMinHouseholds', label: 'Shared device: unrelated households', step: 1 },
  { key: 'faceDuplicateMinScore', label: 'Same face: minimum similarity', step: 0.01 },
  { key: 'lookoutMinSimilarity', label: 'Lookout: minimum name similarity', step: 0.01 },
  { key: 'lookoutYearTolerance', label: 'Lookout: birth-year tolerance', step: 1 },
];

/** Flag thresholds: a change is audited and recomputes every flag. */
function FlagThresholds() {
  const [cfg, setCfg] = useState<ResponseOf<'flags.config'> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => void call('flags.config', {}).then(setCfg), []);
  if (!cfg) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">Flag thresholds</Title>
      <Group align="flex-end">
        {THRESHOLDS.map((t) => (
          <NumberInput key={t.key} label={t.label} value={cfg[t.key]} step={t.step} decimalScale={t.step < 1 ? 2 : 0} w={230}
            onChange={(v) => setCfg({ ...cfg, [t.key]: Number(v) })} />
        ))}
        <Button onClick={() => void call('flags.config', Object.fromEntries(THRESHOLDS.map((t) => [t.key, cfg[t.key]]))).then((c) => { setCfg(c); setSaved('Saved; every flag was recomputed.'); })}>Save and recompute</Button>
      </Group>
      {saved && <Alert mt="sm" color="green">{saved}</Alert>}
    </Paper>
  );
}

/** Import a signed offline bundle from a path on this machine (e.g. a USB stick). */
function BundleImport() {
  const [file, setFile] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await call('bundle.import', { path: file });
      setResult(`Imported ${r.port} ${r.serviceDate}: ${r.batchesApplied} batches (${r.recordsApplied} records), ${r.photosStored} photos${r.lookoutVersion ? `, lookout list v${r.lookoutVersion}` : ''}.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">Import an offline bundle</Title>
      <Group align="flex-end">
        <TextInput label="Bundle file (path on this machine)" placeholder="/media/usb/SYS-2026-11-22.acb" value={file} onChange={(e) => setFile(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button onClick={() => void run()} loading={busy} disabled={!file}>Verify and import</Button>
      </Group>
      {result && <Alert mt="sm" color="green">{result}</Alert>}
      {error && <Alert mt="sm" color="red" role="alert">{error}</Alert>}
    </Paper>
  );
}

/** What the engine runs on: enough for an admin (or the engineer they call) to see why it is slow. */
function EngineStatus() {
  const [st, setSt] = useState<ResponseOf<'engine.status'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => void call('engine.status', {}).then(setSt, (e: Error) => setError(e.message));
  useEffect(load, []);
  return (
    <Paper withBorder p="md" aria-label="Engine status">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Engine</Title>
        <Button size="compact-sm" variant="light" onClick={load}>Refresh</Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {st?.faceError && <Alert color="red">Face engine unavailable: {st.faceError}</Alert>}
      {st?.face && (
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="sm">Face model <b>{st.face.modelVersion}</b> on {st.face.workers} worker{st.face.workers === 1 ? '' : 's'}, loaded in {Math.round(st.face.loadMs)} ms.</Text>
            <Badge data-testid="fast-arithmetic" color={st.face.denormalsFlushed ? 'green' : 'orange'}>fast arithmetic {st.face.denormalsFlushed ? 'on' : 'off'}</Badge>
          </Group>
          {!st.face.denormalsFlushed && (
            <Alert color="orange">The fpu-mode addon was not built on this machine, so face checks run two to three times slower. Rebuild it with a C compiler present (npm rebuild fpu-mode).</Alert>
          )}
          <Text size="sm">
            Enrolment: {st.enrolment.running ? `running, ${st.enrolment.done}/${st.enrolment.total}` : `idle${st.enrolment.lastRunAt ? `, last run ${new Date(st.enrolment.lastRunAt).toLocaleString()}` : ''}`}
            {st.enrolment.unusable ? ` (${st.enrolment.unusable} unusable photos)` : ''}.
          </Text>
        </Stack>
      )}
      {st && (
        <Text size="sm" mt={4}>
          Flags: {st.flags.freshKeys.toLocaleString()} applicants in the fresh key index{st.flags.merging ? ', merging now' : `, merged after a sync once ${st.flags.mergeAt.toLocaleString()}`}; matching keys v{st.flags.keysVersion}.
        </Text>
      )}
    </Paper>
  );
}
