// Runs in: renderer. The supervisor's changes from the dashboard. A flag verdict changes precision
// per rule and the review list ('flags'); a sign-off closes a referral ('reporting', 'arrivals'
// for the open count); an export is audited. Each is audited ('audit'), so the log refetches too.
// A failure reaches the user through the client's notification.
import { useChannelMutation } from '../../data/channel-hooks';

export const useFlagFeedback = () =>
  useChannelMutation('flags.feedback', { invalidates: ['flags', 'audit'] });

export const useSignOff = () =>
  useChannelMutation('reporting.signOff', { invalidates: ['reporting', 'arrivals', 'audit'] });

export const useExportCsv = () => useChannelMutation('reporting.exportCsv', { invalidates: ['audit'] });
