// Runs in: renderer. The supervisor's review of a flag. The verdict changes precision per rule
// and the review list ('flags'), and is itself audited ('audit'): both refetch. A failure
// reaches the user through the client's notification.
import { useChannelMutation } from '../../data/channel-hooks';

export const useFlagFeedback = () =>
  useChannelMutation('flags.feedback', { invalidates: ['flags', 'audit'] });
