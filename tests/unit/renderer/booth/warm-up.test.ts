// Runs in: tests (jsdom). Sign-in waits for the booth's queue so the booth draws once, but only for
// so long: a main that does not answer must not hold the officer at the sign-in button.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArrivalsApi } from '../../../../ipc/contract';
import type { SessionView } from '../../../../ipc/channels/auth';
import { createQueryClient } from '../../../../renderer/src/data/query-client';

type WarmUp = typeof import('../../../../renderer/src/features/booth/warm-up');
type Queries = typeof import('../../../../renderer/src/features/booth/queries');
let askForQueue: WarmUp['askForQueue'];
let QUEUE_WAIT_MS: number;
let queueQuery: Queries['queueQuery'];

let answer: (v: unknown) => void;
const asked: string[] = [];

beforeAll(async () => {
  // main, as the preload would expose it (read once, when the renderer's api module loads): every
  // call is noted and waits until the test answers it.
  window.arrivals = new Proxy({} as ArrivalsApi, {
    get: (_t, channel: string) => () => {
      asked.push(channel);
      return new Promise((resolve) => (answer = (value) => resolve({ ok: true, value })));
    },
  });
  ({ askForQueue, QUEUE_WAIT_MS } = await import('../../../../renderer/src/features/booth/warm-up'));
  ({ queueQuery } = await import('../../../../renderer/src/features/booth/queries'));
});
beforeEach(() => {
  asked.length = 0;
});
afterEach(() => vi.useRealTimers());

const officer = (locked = false): SessionView =>
  ({
    user: { username: 'officer', displayName: 'Officer', role: 'officer', mustChangePassword: false },
    locked,
    idleLockMinutes: 10,
  }) as SessionView;

describe('askForQueue', () => {
  it('settles when the queue is in the cache', async () => {
    const client = createQueryClient();
    const done = askForQueue(client, officer());
    await vi.waitFor(() => expect(asked).toEqual(['queue.today']));
    answer({ items: [] });
    await done;
    expect(client.getQueryData(queueQuery('').queryKey)).toEqual({ items: [] });
  });

  it('gives up waiting after the bound, and the answer still lands in the cache', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    let settled = false;
    const done = askForQueue(client, officer()).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(QUEUE_WAIT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    await done;
    answer({ items: [] });
    await vi.waitFor(() => expect(client.getQueryData(queueQuery('').queryKey)).toEqual({ items: [] }));
  });

  it('asks nothing for a locked session', async () => {
    await askForQueue(createQueryClient(), officer(true));
    expect(asked).toEqual([]);
  });
});
