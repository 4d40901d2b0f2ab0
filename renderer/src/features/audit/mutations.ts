// Runs in: renderer. Verifying the chain is itself an audited action: the entries refetch
// ('audit') so the new one shows. A failure reaches the user through the client's notification.
import { useChannelMutation } from '../../data/channel-hooks';

export const useVerifyAuditChain = () => useChannelMutation('audit.verify', { invalidates: ['audit'] });
