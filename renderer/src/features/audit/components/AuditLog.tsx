// Runs in: renderer. Recent audit entries, newest first, with the chain check and its result
// (props only). The entries scroll in a named region that takes keyboard focus, so someone
// without a mouse can scroll it too.
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, AuditVerifyView } from '../../../../../ipc/channels/audit';
import { useFormat } from '../../../format';
import { DataTable } from '../../../ui/DataTable';
import { InlineError } from '../../../ui/InlineError';
import { Loading } from '../../../ui/Loading';
import { ScrollRegion } from '../../../ui/ScrollRegion';
import { Section } from '../../../ui/Section';
import { EmptyNote } from '../../../ui/EmptyNote';

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
            : check.firstBrokenSeq === null
              ? t('audit.brokenLog', { problem: check.problem ?? '' })
              : t('audit.broken', { seq: check.firstBrokenSeq, problem: check.problem ?? '' })}
        </Alert>
      )}
      {loadError && <InlineError message={t('audit.loadFailed', { message: loadError })} />}
      {!entries && !loadError && <Loading />}
      {entries && (
        <ScrollRegion label={t('audit.entries')} h={360}>
          <DataTable
            striped
            stickyHeader
            columns={[
              { key: 'seq', header: t('audit.seq'), cell: (e) => e.seq },
              {
                key: 'at',
                header: t('audit.at'),
                cell: (e) => <Text size="sm">{format.dateTime(e.at)}</Text>,
              },
              { key: 'actor', header: t('audit.actor'), cell: (e) => e.actor },
              { key: 'action', header: t('audit.action'), cell: (e) => e.action },
              { key: 'subject', header: t('audit.subject'), cell: (e) => e.subject },
            ]}
            rows={entries}
            rowKey={(e) => e.seq}
          />
          {entries.length === 0 && <EmptyNote mt="xs">{t('audit.none')}</EmptyNote>}
        </ScrollRegion>
      )}
    </Section>
  );
}
