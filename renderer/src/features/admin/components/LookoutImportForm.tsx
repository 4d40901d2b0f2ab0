// Runs in: renderer. A lookout-list file picked (or dropped) and checked before anything is
// applied: every problem by its line, the first entries as they would be applied, and the apply
// button only once no problem is left. The file's text is what goes to main, never its path
// (props only).
import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LookoutPreviewView } from '../../../../../ipc/channels/lookout';
import { useFormat } from '../../../format';
import { DataTable } from '../../../ui/DataTable';
import { FileDropZone } from '../../../ui/FileDropZone';
import { InlineError } from '../../../ui/InlineError';

export interface LookoutImportFormProps {
  onFile: (file: File) => void;
  onApply: () => void;
  preview: LookoutPreviewView | null;
  checking: boolean;
  applying: boolean;
  error?: string | null;
}

export function LookoutImportForm({
  onFile,
  onApply,
  preview: p,
  checking,
  applying,
  error,
}: LookoutImportFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // A new check's result takes the focus (and scrolls into view): read it, then Tab on to apply.
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!p) return;
    summary.current?.focus({ preventScroll: true });
    // From its top, so the problems below it are in view too (jsdom has no scrolling).
    summary.current?.scrollIntoView?.({ block: 'start' });
  }, [p]);
  const where = p?.format === 'csv' ? 'line' : 'entry';
  return (
    <Stack gap="sm">
      <FileDropZone
        onFile={onFile}
        accept=".csv,.json,text/csv,application/json"
        chooseLabel={t('admin.lookout.choose')}
        hint={t('admin.lookout.dropHint')}
        inputLabel={t('admin.lookout.file')}
        loading={checking}
        testId="lookout-drop"
      />
      <Text size="xs" c="dimmed">
        {t('admin.lookout.formatHelp')}
      </Text>
      {error && <InlineError message={error} />}
      {p && (
        <Stack gap="sm" data-testid="lookout-preview">
          <Text size="sm" fw={600} ref={summary} tabIndex={-1}>
            {t(p.format === 'csv' ? 'admin.lookout.previewCsv' : 'admin.lookout.previewSigned', {
              file: p.fileName,
              entries: format.number(p.entries),
              key: p.keyId,
            })}
          </Text>
          {p.problemsTotal > 0 ? (
            <Alert color="red" role="alert" title={t('admin.lookout.problems', { count: p.problemsTotal })}>
              <DataTable
                label={t('admin.lookout.problemsTable')}
                columns={[
                  {
                    key: 'line',
                    header: t(where === 'line' ? 'admin.lookout.line' : 'admin.lookout.entry'),
                    cell: (x) => x.line ?? t('admin.lookout.wholeFile'),
                  },
                  { key: 'entry', header: t('admin.lookout.entryId'), cell: (x) => x.entryId ?? '' },
                  { key: 'message', header: t('admin.lookout.problem'), cell: (x) => x.message },
                ]}
                rows={p.problems}
                rowKey={(_, i) => i}
              />
              {p.problemsTotal > p.problems.length && (
                <Text size="sm">
                  {t('admin.lookout.moreProblems', { count: p.problemsTotal - p.problems.length })}
                </Text>
              )}
            </Alert>
          ) : (
            <Alert color="green" role="status">
              {t('admin.lookout.ready', { version: p.version })}
            </Alert>
          )}
          {p.sample.length > 0 && (
            <DataTable
              label={t('admin.lookout.sampleTable')}
              columns={[
                { key: 'id', header: t('admin.lookout.entryId'), cell: (e) => e.entryId },
                {
                  key: 'name',
                  header: t('admin.lookout.name'),
                  cell: (e) => `${e.givenNames} ${e.familyNames}`,
                },
                { key: 'aliases', header: t('admin.lookout.aliases'), cell: (e) => e.aliases.join('; ') },
                {
                  key: 'born',
                  header: t('admin.lookout.born'),
                  cell: (e) => (e.dob ? format.date(e.dob) : (e.dobYear ?? '')),
                },
                { key: 'reason', header: t('admin.lookout.reason'), cell: (e) => e.reasonCode },
              ]}
              rows={p.sample}
              rowKey={(_, i) => i}
            />
          )}
          <Group>
            <Button onClick={onApply} disabled={!p.canApply} loading={applying}>
              {t('admin.lookout.apply', { version: p.version })}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
