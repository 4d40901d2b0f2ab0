// Runs in: renderer. "Loading" that is announced, not just drawn (a spinner alone says nothing
// to a screen reader). Props only.
import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center role="status" h={fullScreen ? '100vh' : undefined} p="md">
      <Loader aria-hidden />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}
