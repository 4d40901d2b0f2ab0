// Runs in: renderer. The booth's keyboard shortcuts, as `?` shows them: the one list in
// shortcuts.ts, grouped by where they work (props only).
import { Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { keyLabel, SHORTCUTS, type ShortcutScope } from '../shortcuts';

const SCOPES: ReadonlyArray<{ scope: ShortcutScope; labelKey: ParseKeys }> = [
  { scope: 'queue', labelKey: 'booth.shortcuts.scopes.queue' },
  { scope: 'case', labelKey: 'booth.shortcuts.scopes.case' },
];

export default function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('booth.shortcuts.title')} size="md">
      <Stack gap="md">
        {SCOPES.map(({ scope, labelKey }) => (
          <section key={scope} aria-labelledby={`shortcuts-${scope}`}>
            <Title order={3} size="h5" id={`shortcuts-${scope}`} mb={4}>
              {t(labelKey)}
            </Title>
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
                  <Table.Tr key={s.id} data-shortcut={s.id}>
                    <Table.Td w={110}>
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' '}
                          <Kbd>{keyLabel(k)}</Kbd>
                        </span>
                      ))}
                    </Table.Td>
                    <Table.Td>{t(s.labelKey)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        ))}
        <Text size="sm" c="dimmed">
          {t('booth.shortcuts.typing')}
        </Text>
      </Stack>
    </Modal>
  );
}
