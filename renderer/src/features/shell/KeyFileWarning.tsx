// Runs in: renderer. The header's warning when the data key is kept in a file in the data folder
// (no OS keychain: the browser shell, or Electron where none answers), so the database's
// encryption protects only against a copy of the database alone. Props only.
import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppInfoView } from '../../../../ipc/channels/app';

export function KeyFileWarning({ keyStorage }: { keyStorage: AppInfoView['keyStorage'] }) {
  const { t } = useTranslation();
  if (keyStorage !== 'file') return null;
  const hint = t('shell.header.keyFileHint');
  return (
    <Tooltip label={hint} multiline w={360} events={{ hover: true, focus: true, touch: true }}>
      {/* Focusable, so the explanation opens from the keyboard too; screen readers read it at once. */}
      <Badge color="red" variant="light" tabIndex={0} data-testid="key-file-warning">
        {t('shell.header.keyFile')}
        <VisuallyHidden>{`: ${hint}`}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}
