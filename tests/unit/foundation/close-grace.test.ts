// The browser shell's close grace period: a reload keeps the session, a closed window signs
// out once the grace runs out. A fake clock and a fake scheduler: no sleeps.
import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../../main/auth/session-store';
import { CloseGrace, signOutClosedWindow } from '../../../main/shell/close-grace';

const GRACE = 10_000;
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const PAGE1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const PAGE2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function setup() {
  let now = 1_000_000;
  const timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];
  const audit: Array<{ actor: string; action: string; details: unknown }> = [];
  const clock = () => now;
  const sessions = new SessionStore(() => 60 * 60_000, clock);
  const grace = new CloseGrace({
    graceMs: GRACE,
    clock,
    schedule: (fn, ms) => {
      const t = { at: now + ms, fn, cancelled: false };
      timers.push(t);
      return () => (t.cancelled = true);
    },
    onExpire: (id) =>
      signOutClosedWindow(
        { sessions, audit: { append: (e: (typeof audit)[number]) => audit.push(e) } as never },
        id,
      ),
  });
  /** Moves the clock on and runs the timers that are due, as the event loop would. */
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => !x.cancelled && x.at <= now)) {
      t.cancelled = true;
      t.fn();
    }
  };
  const signIn = (id: string, username = 'officer') =>
    sessions.start(id, { userId: 1, username, role: 'officer' });
  return {
    grace,
    sessions,
    audit,
    advance,
    signIn,
    timers,
    setNow: (t: number) => (now = t),
    now: () => now,
  };
}

type PageEvent = ['seen' | 'closed' | 'revived', string];

/** A rig with A signed in, after these page events on A's connection, in order. */
function signedInA(...events: PageEvent[]) {
  const t = setup();
  t.signIn(A);
  for (const [event, page] of events) t.grace[event](A, page);
  return t;
}

describe('close grace period (browser shell)', () => {
  it('a closed window is signed out when the grace runs out, and audited once', () => {
    const t = signedInA(['seen', PAGE1], ['closed', PAGE1]);
    t.advance(GRACE - 1);
    expect(t.sessions.get(A)).toBeDefined();
    expect(t.audit).toHaveLength(0);
    t.advance(1);
    expect(t.sessions.get(A)).toBeUndefined();
    expect(t.audit).toEqual([
      {
        actor: 'officer',
        action: 'auth.sign_out',
        subject: 'user:officer',
        details: { reason: 'window closed' },
      },
    ]);
    t.advance(GRACE * 10);
    expect(t.audit).toHaveLength(1);
    expect(t.grace.size).toBe(0);
  });

  it('a reload (the same connection calls again within the grace) keeps the session', () => {
    const t = signedInA(['seen', PAGE1], ['closed', PAGE1]);
    t.advance(GRACE - 1);
    t.grace.seen(A, PAGE2);
    t.advance(GRACE * 5);
    expect(t.sessions.get(A)?.username).toBe('officer');
    expect(t.audit).toHaveLength(0);
    // The reloaded page is closed later: the grace starts over from that close.
    t.grace.closed(A, PAGE2);
    t.advance(GRACE);
    expect(t.sessions.get(A)).toBeUndefined();
    expect(t.audit).toHaveLength(1);
  });

  it('expiry follows the clock, not the timer: a call after the deadline finds the session ended', () => {
    const t = signedInA(['closed', PAGE1]);
    // The event loop was busy (or the machine slept): the clock passed the deadline, no timer ran.
    t.setNow(t.now() + GRACE + 5_000);
    t.grace.seen(A, PAGE2);
    expect(t.sessions.get(A)).toBeUndefined();
    expect(t.audit).toHaveLength(1);
  });

  it('a timer that fires early re-arms instead of signing out', () => {
    const t = signedInA(['closed', PAGE1]);
    const first = t.timers[0]!;
    first.cancelled = true;
    first.fn(); // fired before the clock reached the deadline
    expect(t.sessions.get(A)).toBeDefined();
    t.advance(GRACE);
    expect(t.sessions.get(A)).toBeUndefined();
  });

  it("a reload's close report arriving after the new page's first call is ignored", () => {
    const t = signedInA(
      ['seen', PAGE1],
      ['seen', PAGE2], // the reloaded page called first
      ['closed', PAGE1], // then the old page's pagehide report arrived
    );
    t.advance(GRACE * 2);
    expect(t.sessions.get(A)).toBeDefined();
    expect(t.grace.size).toBe(0);
  });

  it('a request the closing page sent before its close report, handled after it, does not cancel the close', () => {
    const t = signedInA(
      ['seen', PAGE1],
      ['closed', PAGE1],
      ['seen', PAGE1], // a status poll that was in flight when the window closed
    );
    t.advance(GRACE);
    expect(t.sessions.get(A)).toBeUndefined();
    expect(t.audit).toHaveLength(1);
  });

  it('a page back from the back/forward cache (same page id) revives its connection', () => {
    const t = signedInA(['seen', PAGE1], ['closed', PAGE1], ['revived', PAGE1]);
    t.advance(GRACE * 2);
    expect(t.sessions.get(A)).toBeDefined();
  });

  it('a page closed before it made any call still signs its connection out', () => {
    const t = signedInA(
      ['seen', PAGE1],
      ['closed', PAGE2], // a fresh load of this tab, closed at once
    );
    t.advance(GRACE);
    expect(t.sessions.get(A)).toBeUndefined();
  });

  it('connections are independent; a close without a session audits nothing', () => {
    const t = setup();
    t.signIn(A, 'officer');
    t.signIn(B, 'supervisor');
    t.grace.closed(A);
    t.advance(GRACE / 2);
    t.grace.seen(B);
    t.advance(GRACE / 2);
    expect(t.sessions.get(A)).toBeUndefined();
    expect(t.sessions.get(B)?.username).toBe('supervisor');
    t.sessions.end(B);
    t.grace.closed(B);
    t.advance(GRACE);
    expect(t.audit.map((e) => e.actor)).toEqual(['officer']);
  });

  it('shutting down ends every pending close at once', () => {
    const t = setup();
    t.signIn(A, 'officer');
    t.signIn(B, 'supervisor');
    t.grace.closed(A);
    t.grace.flush();
    expect(t.sessions.get(A)).toBeUndefined();
    expect(t.sessions.get(B)).toBeDefined();
    expect(t.audit).toHaveLength(1);
    expect(t.grace.size).toBe(0);
  });
});
