// Runs in: renderer. Around every admin sub-page: the page's one h1, the sub-navigation, and
// the sub-page (which loads its own code; the title and links stay put meanwhile).
import { Stack } from '@mantine/core';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSuspense } from '../../ui/PageSuspense';
import { PageTitle } from '../../ui/PageTitle';
import { AdminNav } from './components/AdminNav';
import { adminNav } from './nav';

export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{t('admin.title')}</PageTitle>
      <AdminNav items={adminNav} />
      <PageSuspense>
        <Outlet />
      </PageSuspense>
    </Stack>
  );
}
