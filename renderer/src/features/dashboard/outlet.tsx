// Runs in: renderer. What the dashboard's layout hands each tab (react-router's outlet context):
// the port-day in the address, the day's polled figures, and the layout's CSV export button; and
// the two shapes every tab takes: drawn from the day's figures, or from one of its audited lists.
import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CsvTable, DashboardView, PortDayRequest } from '../../../../ipc/channels/reporting';
import type { ChannelError } from '../../data/channel-hooks';
import { QueryContent } from '../../ui/QueryContent';
import { useRefetchOnChange } from './queries';

export interface DashboardOutlet {
  day: PortDayRequest;
  /** The day's figures, polled by the layout (one observer: the tabs read, never poll). */
  dash: UseQueryResult<DashboardView, ChannelError>;
  /** An "Export CSV" button for one of the day's tables, named as the user reads it. */
  exporter: (table: CsvTable, name: string) => ReactNode;
}

export const useDashboardOutlet = () => useOutletContext<DashboardOutlet>();

/** A tab drawn from the day's figures: the loader until they come (the layout says if they failed). */
export function WithFigures({ children }: { children: (d: DashboardView) => ReactNode }) {
  const { dash } = useDashboardOutlet();
  return (
    <QueryContent query={{ data: dash.data, isPending: dash.isPending, error: null }}>
      {children}
    </QueryContent>
  );
}

/**
 * One of the day's lists that name people (each read audited): asked for the day, and again
 * only when `revision`, worked out from the polled figures, changes.
 */
export function useDayList<Q extends { refetch: () => unknown }>(
  useList: (day: PortDayRequest) => Q,
  revision: (d: DashboardView) => string,
) {
  const outlet = useDashboardOutlet();
  const list = useList(outlet.day);
  const d = outlet.dash.data;
  useRefetchOnChange(d && revision(d), list.refetch);
  return { ...outlet, list };
}
