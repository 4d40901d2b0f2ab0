// Runs in: renderer. The most recent audit entries; the panel shows a failure in place.
import { useChannelQuery } from '../../data/channel-hooks';

export const AUDIT_PAGE_SIZE = 50;

export const useRecentAudit = () =>
  useChannelQuery('audit.recent', { limit: AUDIT_PAGE_SIZE }, { meta: { silent: true } });
