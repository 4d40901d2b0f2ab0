// Runs in: renderer. Readies the booth while the sign-in form waits for the officer, so the queue is
// drawn right after sign-in instead of after a waterfall: the port's time formatter and the plural
// rules (ICU's first of each costs tens of ms) at idle (app/routes.tsx loads the page), and today's queue
// asked for the moment an officer is signed in, before the booth is shown (so it draws once, rows
// and all).
import type { QueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../../../ipc/channels/auth';
import { whenIdle } from '../../data/when-idle';
import type { Format } from '../../format';
import { i18n } from '../../i18n';
import { queueQuery } from './queries';

/** At idle: the formatters the queue's rows use (App loads the page's chunk). Returns a cancel function. */
export function warmUpBooth(format: Format): () => void {
  return whenIdle(() => {
    format.time(new Date().toISOString());
    i18n.t('booth.queue.groupSize', { count: 2 });
  });
}

/**
 * How long sign-in waits for the queue before showing the booth anyway: a busy main (a sync
 * applying, a purge) must not keep the officer at a busy sign-in button; the booth then shows its
 * own loading state and draws the rows when the answer, still asked for, comes in.
 */
export const QUEUE_WAIT_MS = 1_500;

/**
 * Right after sign-in, before the booth is shown: an officer's home is the booth, whose first
 * question is today's queue. Settles when the answer is in the cache (or failed: the booth then
 * asks again and shows the error in place), or after QUEUE_WAIT_MS; never rejects.
 */
export async function askForQueue(client: QueryClient, session: SessionView): Promise<void> {
  const user = session.user;
  if (user?.role !== 'officer' || session.locked || user.mustChangePassword) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, QUEUE_WAIT_MS)));
  await Promise.race([client.prefetchQuery(queueQuery('')), bound]);
  clearTimeout(timer);
}
