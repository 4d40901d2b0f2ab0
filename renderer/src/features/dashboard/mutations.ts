// Runs in: renderer. The supervisor's changes from the dashboard. A flag verdict changes the review
// queue ('reporting') and the day's counts and precision per rule ('arrivals'); a sign-off closes a
// referral ('reporting', 'arrivals' for the open count); an export or a report is audited. Each is
// audited ('audit'), so the log refetches too.
// A failure reaches the user through the client's notification.
import { useChannelMutation } from '../../data/channel-hooks';

export const useFlagFeedback = () =>
  useChannelMutation('flags.feedback', { invalidates: ['flags', 'reporting', 'arrivals', 'audit'] });

export const useSignOff = () =>
  useChannelMutation('reporting.signOff', { invalidates: ['reporting', 'arrivals', 'audit'] });

export const useExportCsv = () => useChannelMutation('reporting.exportCsv', { invalidates: ['audit'] });

export const useDailyReport = () => useChannelMutation('reporting.dailyReport', { invalidates: ['audit'] });
