// Runs in: renderer. The admin console's sub-pages as a row of links, the current one marked
// (aria-current="page", set by the router's NavLink) (props only).
import { Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AdminNavItem } from '../nav';
import classes from './AdminNav.module.css';

export function AdminNav({ items }: { items: readonly AdminNavItem[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.nav.label')}>
      <Group gap={4} component="ul" className={classes.list}>
        {items.map((it) => (
          <li key={it.to}>
            <NavLink to={it.to} className={classes.link}>
              {t(it.labelKey)}
            </NavLink>
          </li>
        ))}
      </Group>
    </nav>
  );
}
