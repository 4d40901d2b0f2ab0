// Runs in: renderer. What the supervisor dashboard reads. Each panel shows its own error in
// place (meta.silent), so one failing source does not hide the others or stack notifications.
// The day's figures poll (a completed case shows within 5 s, without a reload); the audited
// lists are asked again only when the figures say they changed.
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PortDayRequest } from '../../../../ipc/channels/reporting';
import { channelQuery, useChannelQuery } from '../../data/channel-hooks';

const inPlace = { meta: { silent: true } } as const;

/** How often the day's figures are asked again: under the 5 s a completion may take to show. */
export const LIVE_MS = 3_000;

/** The port-day in the address (?port=SYS&date=2026-12-01); either left out means main's default. */
export function portDayOf(params: URLSearchParams): PortDayRequest {
  const port = params.get('port') ?? undefined;
  const date = params.get('date') ?? undefined;
  return { ...(port && { port }), ...(date && { date }) };
}

/** The day's figures as query options: the route prefetches them while the page's code loads. */
export const dashboardQuery = (day: PortDayRequest, live = true) =>
  channelQuery('arrivals.dashboard', day, {
    ...inPlace,
    refetchInterval: live ? LIVE_MS : false,
    refetchIntervalInBackground: true,
  });

/** `live` off: asked once (a printed report, a test that counts requests). */
export const useArrivalsDashboard = (day: PortDayRequest, live = true) => useQuery(dashboardQuery(day, live));

export const portDaysQuery = () => channelQuery('reporting.portDays', {}, inPlace);

export const usePortDays = () => useQuery(portDaysQuery());

/** The referral list holds personal data and each read is audited: asked when the day changes. */
export const useReferrals = (day: PortDayRequest) => useChannelQuery('reporting.referrals', day, inPlace);

/** The day's flag queue and the cross-port trends (names: each read is audited): asked when the day changes. */
export const useFlagReview = (day: PortDayRequest) => useChannelQuery('reporting.flagReview', day, inPlace);

/** A flagged applicant's case, opened from the review queue (applicant.get audits the view). */
export const useFlagCase = (applicantId: string) =>
  useChannelQuery('applicant.get', { applicantId }, inPlace);

export const useFaceAccuracy = () => useChannelQuery('face.accuracy', {}, inPlace);

/**
 * Asks an audited list again when `revision` (what the polled figures say about it) changes after
 * the first answer; null while the figures are not there yet.
 */
export function useRefetchOnChange(revision: string | number | null | undefined, refetch: () => unknown) {
  const seen = useRef(revision);
  useEffect(() => {
    if (revision != null && seen.current != null && seen.current !== revision) void refetch();
    seen.current = revision;
  }, [revision, refetch]);
}
