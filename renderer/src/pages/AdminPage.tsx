// Runs in: renderer. Admin: accounts, site settings, audit.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, PasswordInput, Select, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
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
