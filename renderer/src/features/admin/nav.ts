// Runs in: renderer. The admin sub-navigation: each sub-page's URL and its label's catalogue key.
// Apart from routes.tsx so the layout can import it without importing the route table.
import type { ParseKeys } from 'i18next';

export interface AdminNavItem {
  to: string;
  labelKey: ParseKeys;
}

/** The sub-navigation, in order (AdminLayout renders it). */
export const adminNav = [
  { to: '/admin/users', labelKey: 'admin.nav.users' },
  { to: '/admin/settings', labelKey: 'admin.nav.settings' },
  { to: '/admin/flags', labelKey: 'admin.nav.flags' },
  { to: '/admin/lookout', labelKey: 'admin.nav.lookout' },
  { to: '/admin/bundle', labelKey: 'admin.nav.bundle' },
  { to: '/admin/engine', labelKey: 'admin.nav.engine' },
  { to: '/admin/updates', labelKey: 'admin.nav.updates' },
  { to: '/admin/audit', labelKey: 'admin.nav.audit' },
] as const satisfies readonly AdminNavItem[];
