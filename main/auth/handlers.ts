// Runs in: main process.
// Setup, sign-in, the idle lock and sign-out; user accounts. A role change or a disabled account
// ends that user's sessions at once.
import type { authChannels, SessionView } from '../../ipc/channels/auth';
import type { usersChannels } from '../../ipc/channels/users';
import { AppError } from '../platform/app-error';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import type { CallContext } from '../ipc/router';
import type { Session } from './session-store';
import { toView } from './user-repository';

function sessionView(ctx: CallContext): SessionView {
  const s = ctx.app.sessions.get(ctx.connectionId);
  const idleLockMinutes = ctx.app.settings.get().idleLockMinutes;
  if (!s) return { user: null, locked: false, idleLockMinutes };
  const u = ctx.app.accounts.users.byId(s.userId);
  return { user: u ? toView(u) : null, locked: s.locked, idleLockMinutes };
}

/** A session's own event (locked, signed out) in the audit log, under its user. */
function auditSession(ctx: CallContext, s: Session | undefined, action: string, details = {}): void {
  if (s) ctx.app.audit.append({ actor: s.username, action, subject: `user:${s.username}`, details });
}

export const authHandlers: DomainHandlers<typeof authChannels> = {
  'auth.setup': async (req, { app }) => app.accounts.setup(req, app.mode === 'demo'),

  // Throttled before the password is looked at (a throttled try is not counted); every other
  // try counts towards the next delay unless it succeeds.
  'auth.signIn': async (req, ctx) => {
    const wait = ctx.app.signInThrottle.attempt(ctx.connectionId);
    if (wait > 0) {
      const s = Math.ceil(wait / 1000);
      throw new AppError(
        'TOO_MANY_ATTEMPTS',
        `Too many sign-in attempts. Wait ${s} second${s === 1 ? '' : 's'}, then try again.`,
        { retryAfterMs: wait },
      );
    }
    const u = await ctx.app.accounts.authenticate(req.username, req.password);
    ctx.app.signInThrottle.succeeded(ctx.connectionId);
    ctx.app.sessions.start(ctx.connectionId, {
      userId: u.id,
      username: u.username,
      role: u.role,
      mustChangePassword: u.must_change_password === 1,
      epoch: u.epoch,
    });
    return sessionView(ctx);
  },

  'auth.changePassword': async (req, ctx) => {
    const s = ctx.session!;
    await ctx.app.accounts.changePassword(s.userId, req.newPassword);
    ctx.app.sessions.passwordChanged(ctx.connectionId);
    return sessionView(ctx);
  },

  // Wrong passwords count towards the account's lockout. A locked account keeps the session
  // locked (not signed out), so the screen can say until when; signing out stays one click away.
  'auth.unlock': async (req, ctx) => {
    const s = ctx.app.sessions.get(ctx.connectionId);
    if (!s) throw new AppError('NOT_SIGNED_IN', 'Please sign in.');
    await ctx.app.accounts.confirmPassword(s.userId, req.password);
    ctx.app.sessions.unlock(ctx.connectionId);
    return sessionView(ctx);
  },

  'auth.session': (_req, ctx) => sessionView(ctx),

  'auth.activity': (_req, ctx) => {
    ctx.app.sessions.touch(ctx.connectionId);
    return { idleLockMinutes: ctx.app.settings.get().idleLockMinutes };
  },

  'auth.lock': (req, ctx) => {
    auditSession(ctx, ctx.app.sessions.lock(ctx.connectionId), 'auth.lock', { reason: req.reason });
    return sessionView(ctx);
  },

  'auth.signOut': (_req, ctx) => {
    const s = ctx.app.sessions.end(ctx.connectionId);
    auditSession(ctx, s, 'auth.sign_out');
    return { signedOut: Boolean(s) };
  },
};

export const usersHandlers: DomainHandlers<typeof usersChannels> = {
  'users.list': (_req, { app }) => app.accounts.users.list().map((u) => toView(u)),

  'users.create': (req, ctx) => ctx.app.accounts.createUser(actor(ctx), req),

  'users.setRole': (req, ctx) => {
    const v = ctx.app.accounts.setRole(actor(ctx), req.userId, req.role);
    ctx.app.sessions.endAllFor(req.userId);
    return v;
  },

  'users.setDisabled': (req, ctx) => {
    const v = ctx.app.accounts.setDisabled(actor(ctx), req.userId, req.disabled);
    if (req.disabled) ctx.app.sessions.endAllFor(req.userId);
    return v;
  },

  // The old password no longer opens anything: sessions opened with it end.
  'users.resetPassword': async (req, ctx) => {
    const v = await ctx.app.accounts.resetPassword(actor(ctx), req.userId, req.password);
    ctx.app.sessions.endAllFor(req.userId);
    return v;
  },

  'users.unlock': (req, ctx) => ctx.app.accounts.unlock(actor(ctx), req.userId),
};
