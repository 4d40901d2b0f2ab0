// Runs in: renderer. The case area before anyone is opened (props only).
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NoCaseSelected() {
  const { t } = useTranslation();
  return <Alert color="gray">{t('booth.queue.selectHint')}</Alert>;
}
