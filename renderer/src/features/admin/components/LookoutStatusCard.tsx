// Runs in: renderer. The lookout list in force: its version, where it came from (the feed, or a
// file an admin imported, by whom and when), how many entries, and the matches it raises now,
// per entry (counts only: who matched is for the officer at the booth) (props only).
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LookoutStatusView } from '../../../../../ipc/channels/lookout';
import { useFormat } from '../../../format';
import { DataTable } from '../../../ui/DataTable';
import { EmptyNote } from '../../../ui/EmptyNote';

export function LookoutStatusCard({ status: s }: { status: LookoutStatusView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (s.version === 0) return <EmptyNote>{t('admin.lookout.none')}</EmptyNote>;
  const at = s.appliedAt ? format.dateTime(s.appliedAt) : '';
  const source =
    s.source === 'csv'
      ? t('admin.lookout.fromCsv', { file: s.fileName, by: s.importedBy, at })
      : s.source === 'signed-json'
        ? t('admin.lookout.fromSignedFile', { file: s.fileName, key: s.keyId, by: s.importedBy, at })
        : t('admin.lookout.fromFeed', { key: s.keyId, at });
  return (
    <Stack gap="xs" data-testid="lookout-status">
      <Text fw={600}>
        {t('admin.lookout.version', { version: s.version, entries: format.number(s.entries) })}
      </Text>
      <Text size="sm">{source}</Text>
      <Text size="sm" data-testid="lookout-matches">
        {t('admin.lookout.matches', { count: s.matches.applicants })}
      </Text>
      {s.matches.byEntry.length > 0 && (
        <DataTable
          label={t('admin.lookout.matchesTable')}
          columns={[
            { key: 'entry', header: t('admin.lookout.entryId'), cell: (m) => m.entryId },
            { key: 'n', header: t('admin.lookout.applicants'), cell: (m) => format.number(m.applicants) },
          ]}
          rows={s.matches.byEntry}
          rowKey={(m) => m.entryId}
          w="auto"
        />
      )}
    </Stack>
  );
}
