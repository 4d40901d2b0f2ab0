// Runs in: renderer. The site's connection: the port this console serves, the feed it syncs from
// and the publisher keys it trusts, each shown by its fingerprint. A new key is pasted as PEM,
// checked (its fingerprint shown) and added beside the old one, so a rotation never leaves the
// console trusting nothing; the old one is removed once the feed signs with the new. These are
// read at start: the form says a saved change waits for the next one (props only).
import { useState } from 'react';
import { Alert, Button, Code, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bindText } from '../../../ui/bind';
import type { SiteView } from '../../../../../ipc/channels/settings';
import { SaveForm } from '../../../ui/SaveForm';
import { InlineError } from '../../../ui/InlineError';
import { RowButton } from '../../../ui/RowButton';

export interface SiteConnection {
  port: string;
  feedUrl: string;
  publisherKeys: { keyId: string; pem: string }[];
}

export interface SiteConnectionFormProps {
  site: SiteView;
  onSave: (connection: SiteConnection) => void;
  /** Resolves with the key's fingerprint; rejects (with a readable message) if it is not a usable key. */
  onInspect: (pem: string) => Promise<{ fingerprint: string }>;
  saving: boolean;
}

interface Key {
  keyId: string;
  pem: string;
  fingerprint: string;
}

export function SiteConnectionForm({ site, onSave, onInspect, saving }: SiteConnectionFormProps) {
  const { t } = useTranslation();
  const current = site.saved ?? (site.mode === 'configured' ? site.inForce : null);
  // In demo mode the demo's port is a start; its feed and key are the demo's own, not a site's.
  const [port, setPort] = useState<string | null>(current?.port ?? site.inForce?.port ?? null);
  const [feedUrl, setFeedUrl] = useState(current?.feedUrl ?? '');
  const [keys, setKeys] = useState<Key[]>(current?.publisherKeys ?? []);
  const [newId, setNewId] = useState('');
  const [newPem, setNewPem] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const check = () =>
    onInspect(newPem).then(
      (r) => (setChecked(r.fingerprint), setKeyError(null)),
      (e: Error) => (setChecked(null), setKeyError(e.message)),
    );
  const add = () => {
    if (!checked) return;
    setKeys((ks) => [...ks, { keyId: newId.trim(), pem: newPem.trim(), fingerprint: checked }]);
    setNewId('');
    setNewPem('');
    setChecked(null);
  };
  return (
    <SaveForm
      save={t('admin.site.save')}
      saving={saving}
      saveDisabled={!port || !feedUrl || keys.length === 0}
      onSubmit={() => {
        if (port) onSave({ port, feedUrl, publisherKeys: keys.map(({ keyId, pem }) => ({ keyId, pem })) });
      }}
    >
      {site.mode === 'demo' && !site.saved && <Text size="sm">{t('admin.site.demo')}</Text>}
      {site.restartRequired && (
        <Alert color="yellow" role="status">
          {t('admin.site.restartRequired')}
        </Alert>
      )}
      <Group align="flex-start">
        <Select
          label={t('admin.site.port')}
          data={site.ports.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
          value={port}
          onChange={setPort}
          allowDeselect={false}
          required
          w={240}
        />
        <TextInput
          label={t('admin.site.feedUrl')}
          placeholder="https://feed.example.gov/"
          {...bindText(feedUrl, setFeedUrl)}
          required
          style={{ flex: 1 }}
          miw={280}
        />
      </Group>
      <Title order={3} size="h5">
        {t('admin.site.keys')}
      </Title>
      {keys.length === 0 && <Text size="sm">{t('admin.site.noKeys')}</Text>}
      <Stack
        gap={4}
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('admin.site.keys')}
      >
        {keys.map((k) => (
          <Group key={k.keyId} component="li" justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={600}>
                {k.keyId}
              </Text>
              <Code>{k.fingerprint}</Code>
            </div>
            <RowButton
              label={t('admin.site.remove')}
              name={t('admin.site.removeKey', { keyId: k.keyId })}
              variant="subtle"
              color="red"
              disabled={keys.length === 1}
              onClick={() => setKeys((ks) => ks.filter((x) => x.keyId !== k.keyId))}
            />
          </Group>
        ))}
      </Stack>
      <Group align="flex-start">
        <TextInput
          label={t('admin.site.newKeyId')}
          placeholder="publisher-2027"
          {...bindText(newId, setNewId)}
          w={220}
        />
        <Textarea
          label={t('admin.site.newKeyPem')}
          placeholder="-----BEGIN PUBLIC KEY-----"
          {...bindText(newPem, (v) => (setNewPem(v), setChecked(null)))}
          autosize
          minRows={3}
          styles={{ input: { fontFamily: 'monospace' } }}
          style={{ flex: 1 }}
          miw={320}
        />
      </Group>
      {checked && (
        <Text size="sm" role="status">
          {t('admin.site.fingerprint')} <Code>{checked}</Code>
        </Text>
      )}
      {keyError && <InlineError message={keyError} />}
      <Group>
        <Button variant="default" onClick={() => void check()} disabled={!newPem.trim()}>
          {t('admin.site.check')}
        </Button>
        <Button
          variant="default"
          onClick={add}
          disabled={!checked || !newId.trim() || keys.some((k) => k.keyId === newId.trim())}
        >
          {t('admin.site.add')}
        </Button>
      </Group>
    </SaveForm>
  );
}
