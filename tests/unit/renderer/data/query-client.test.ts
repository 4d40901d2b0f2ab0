// Runs in: tests (jsdom). The one error surface: a failing query notifies unless it shows the
// error in place (meta.silent); a call refused because the session was locked or ended asks for
// the session again (so the gate shows the lock at once) instead of notifying.
import { describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { createQueryClient } from '../../../../renderer/src/data/query-client';
import { queryKeys } from '../../../../renderer/src/data/query-keys';

const show = vi.fn();
vi.mock('@mantine/notifications', () => ({ notifications: { show: (n: unknown) => show(n) } }));

const fail = (code: string, message: string) => () =>
  Promise.reject(Object.assign(new Error(message), { code }));

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('query client', () => {
  it('notifies a failed query, in words', async () => {
    show.mockClear();
    const client = createQueryClient();
    await client
      .fetchQuery({
        queryKey: ['queue', 'queue.today', {}],
        queryFn: fail('INTERNAL', 'The database is busy.'),
      })
      .catch(() => {});
    await settle();
    expect(show).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Something went wrong', message: 'The database is busy.' }),
    );
  });

  it('stays quiet for a query that shows its error in place', async () => {
    show.mockClear();
    const client = createQueryClient();
    const q = {
      queryKey: ['applicant', 'applicant.get', {}],
      queryFn: fail('NOT_FOUND', 'No such applicant.'),
      meta: { silent: true },
    };
    await client.fetchQuery(q).catch(() => {});
    await settle();
    expect(show).not.toHaveBeenCalled();
  });

  it('asks for the session again when main says it is locked, without a notification', async () => {
    show.mockClear();
    const client = createQueryClient();
    const session = vi.fn().mockResolvedValue({ user: null, locked: false, idleLockMinutes: 10 });
    // The gate's session query, observed as the gate observes it.
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.channel('auth.session', {}),
      queryFn: session,
      staleTime: Infinity,
    });
    const stop = observer.subscribe(() => {});
    await settle();
    expect(session).toHaveBeenCalledTimes(1);
    await client
      .fetchQuery({ queryKey: ['sync', 'sync.status', {}], queryFn: fail('SESSION_LOCKED', 'Locked.') })
      .catch(() => {});
    await settle();
    expect(session).toHaveBeenCalledTimes(2);
    expect(show).not.toHaveBeenCalled();
    stop();
  });
});
