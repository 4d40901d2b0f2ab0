// Runs in: renderer. Readies the booth while the sign-in form waits for the officer, so the queue is
// drawn right after sign-in instead of after a waterfall: the booth page's script, the port's time
// formatter and the plural rules (ICU's first of each costs tens of ms) at idle, and today's queue
// asked for the moment an officer is signed in, while the frame and the booth page are drawn.
import type { QueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../../../ipc/channels/auth';
import { whenIdle } from '../../data/when-idle';
import type { Format } from '../../format';
import { i18n } from '../../i18n';
import { queueQuery } from './queries';

/** At idle: the booth page's chunk and the formatters its rows use. Returns a cancel function. */
export function warmUpBooth(format: Format): () => void {
  return whenIdle(() => {
    // A failure here is not shown: the route loads the page again and shows its error there.
    void import('./routes').then((r) => r.preloadBoothPage()).catch(() => undefined);
    format.time(new Date().toISOString());
    i18n.t('booth.queue.groupSize', { count: 2 });
  });
}

/** Right after sign-in: an officer's home is the booth, whose first question is today's queue. */
export function askForQueue(client: QueryClient, session: SessionView): void {
  const user = session.user;
  if (user?.role !== 'officer' || session.locked || user.mustChangePassword) return;
  void client.prefetchQuery(queueQuery(''));
}
