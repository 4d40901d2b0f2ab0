// Runs in: renderer. What the applicant-facing screen asks main: its booth's current message,
// by the screen's token (it is signed in as no one), about once a second.
import { useChannelQuery } from '../../data/channel-hooks';

/** How soon the counter screen follows the officer's case. */
export const COUNTER_POLL_MS = 1_000;

export function useCounterState(token: string) {
  return useChannelQuery(
    'counter.state',
    { token },
    {
      enabled: token !== '',
      refetchInterval: COUNTER_POLL_MS,
      refetchIntervalInBackground: true,
      meta: { silent: true }, // nothing to tell the person at the counter about errors
    },
  );
}
