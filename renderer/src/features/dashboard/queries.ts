// Runs in: renderer. What the supervisor dashboard reads. Each panel shows its own error in
// place (meta.silent), so one failing source does not hide the others or stack notifications.
// The day's figures poll (a completed case shows within 5 s, without a reload).
import type { PortDayRequest } from '../../../../ipc/channels/reporting';
import { useChannelQuery } from '../../data/channel-hooks';

const inPlace = { meta: { silent: true } } as const;

/** How often the day's figures are asked again: under the 5 s a completion may take to show. */
export const LIVE_MS = 3_000;

/** `live` off: asked once (a printed report, a test that counts requests). */
export const useArrivalsDashboard = (day: PortDayRequest, live = true) =>
  useChannelQuery('arrivals.dashboard', day, {
    ...inPlace,
    refetchInterval: live ? LIVE_MS : false,
    refetchIntervalInBackground: true,
  });

export const usePortDays = () => useChannelQuery('reporting.portDays', {}, inPlace);

/** The referral list holds personal data and each read is audited: asked when the day changes. */
export const useReferrals = (day: PortDayRequest) => useChannelQuery('reporting.referrals', day, inPlace);

/** The day's flag queue and the cross-port trends (names: each read is audited): asked when the day changes. */
export const useFlagReview = (day: PortDayRequest) => useChannelQuery('reporting.flagReview', day, inPlace);

/** A flagged applicant's case, opened from the review queue (applicant.get audits the view). */
export const useFlagCase = (applicantId: string) =>
  useChannelQuery('applicant.get', { applicantId }, inPlace);

export const useFaceAccuracy = () => useChannelQuery('face.accuracy', {}, inPlace);
