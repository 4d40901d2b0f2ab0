// Runs in: renderer. The dashboard's parts as tabs that are links: each has its own address (the
// port-day's search kept), the active one follows the address. Arrow keys move between tabs and
// Enter opens one (manual activation: a tab is a navigation, not a panel toggle). Props only.
import type { ReactNode } from 'react';
import { Badge, Tabs } from '@mantine/core';
import { Link } from 'react-router';

export interface DashboardTab {
  /** The tab's path, e.g. /dashboard/review. */
  to: string;
  label: string;
  /** A count beside the label (e.g. flags still to review); none when zero. */
  count?: number;
}

export function DashboardTabs({
  tabs,
  active,
  search,
  label,
  children,
}: {
  tabs: readonly DashboardTab[];
  /** The path of the tab shown. */
  active: string;
  /** The address's search (?port=&date=), carried to every tab. */
  search: string;
  label: string;
  /** The active tab's content. */
  children: ReactNode;
}) {
  return (
    <Tabs value={active} activateTabWithKeyboard={false} keepMounted={false}>
      <Tabs.List aria-label={label}>
        {tabs.map((tab) => (
          <Tabs.Tab
            key={tab.to}
            value={tab.to}
            rightSection={
              tab.count ? (
                <Badge size="sm" variant="light" color="orange" circle={tab.count < 10}>
                  {tab.count}
                </Badge>
              ) : undefined
            }
            // A link, so it can be opened, copied and bookmarked; `type` is a button's attribute.
            renderRoot={({ type: _button, ...props }) => (
              <Link to={{ pathname: tab.to, search }} {...props} />
            )}
          >
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value={active} pt="sm">
        {children}
      </Tabs.Panel>
    </Tabs>
  );
}
