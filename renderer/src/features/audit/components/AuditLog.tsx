// Runs in: renderer. Recent audit entries, newest first, with the chain check and its result
// (props only). The entries scroll in a named region that takes keyboard focus, so someone
// without a mouse can scroll it too.
import { Alert, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, AuditVerifyView } from '../../../../../ipc/channels/audit';
import { useFormat } from '../../../format';
import { InlineError } from '../../../ui/InlineError';
import { Loading } from '../../../ui/Loading';
import { ScrollRegion } from '../../../ui/ScrollRegion';
import { Section } from '../../../ui/Section';

export interface AuditLogProps {
  entries: AuditEntryView[] | undefined;
  loadError?: string | null;
  check: AuditVerifyView | undefined;
  verifying: boolean;
  onVerify: () => void;
}

export function AuditLog({ entries, loadError, check, verifying, onVerify }: AuditLogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section
      title={t('audit.title')}
      actions={
        <Button variant="light" onClick={onVerify} loading={verifying}>
          {t('audit.verify')}
        </Button>
      }
    >
      {check && (
        <Alert mb="sm" color={check.ok ? 'green' : 'red'} role="status" data-testid="audit-verify-result">
          {check.ok
            ? t('audit.intact', { n: format.number(check.entries) })
            : t('audit.broken', { seq: check.firstBrokenSeq ?? '?', problem: check.problem ?? '' })}
        </Alert>
      )}
      {loadError && <InlineError message={t('audit.loadFailed', { message: loadError })} />}
      {!entries && !loadError && <Loading />}
      {entries && (
        <ScrollRegion label={t('audit.entries')} h={360}>
          <Table striped stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.seq')}</Table.Th>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.subject')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(e.at)}</Text>
                  </Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                  <Table.Td>{e.action}</Table.Td>
                  <Table.Td>{e.subject}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {entries.length === 0 && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('audit.none')}
            </Text>
          )}
        </ScrollRegion>
      )}
    </Section>
  );
}
