// Runs in: main process.
// Setup, sign-in, the idle lock and sign-out; user accounts. A role change or a disabled account
// ends that user's sessions at once.
import type { authChannels, SessionView } from '../../ipc/channels/auth';
import type { usersChannels } from '../../ipc/channels/users';
import { AppError } from '../platform/app-error';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import type { CallContext } from '../ipc/router';
import { toView } from './user-repository';

function sessionView(ctx: CallContext): SessionView {
  const s = ctx.app.sessions.get(ctx.connectionId);
  const idleLockMinutes = ctx.app.settings.get().idleLockMinutes;
  if (!s) return { user: null, locked: false, idleLockMinutes };
  const u = ctx.app.accounts.users.byId(s.userId);
  return { user: u ? toView(u) : null, locked: s.locked, idleLockMinutes };
}

export const authHandlers: DomainHandlers<typeof authChannels> = {
  'auth.setup': async (req, { app }) => app.accounts.setup(req, app.mode === 'demo'),

  'auth.signIn': async (req, ctx) => {
    const u = await ctx.app.accounts.authenticate(req.username, req.password);
    ctx.app.sessions.start(ctx.connectionId, { userId: u.id, username: u.username, role: u.role });
    return sessionView(ctx);
  },

  'auth.unlock': async (req, ctx) => {
    const s = ctx.app.sessions.get(ctx.connectionId);
    if (!s) throw new AppError('NOT_SIGNED_IN', 'Please sign in.');
    try {
      await ctx.app.accounts.authenticate(s.username, req.password);
    } catch (e) {
      // Lockout after repeated failures signs the session out entirely.
      if (e instanceof AppError && e.code === 'ACCOUNT_LOCKED') ctx.app.sessions.end(ctx.connectionId);
      throw e;
    }
    ctx.app.sessions.unlock(ctx.connectionId);
    return sessionView(ctx);
  },

  'auth.session': (_req, ctx) => sessionView(ctx),

  'auth.signOut': (_req, ctx) => {
    const s = ctx.app.sessions.end(ctx.connectionId);
    if (s) {
      ctx.app.audit.append({
        actor: s.username,
        action: 'auth.sign_out',
        subject: `user:${s.username}`,
        details: {},
      });
    }
    return { signedOut: Boolean(s) };
  },
};

export const usersHandlers: DomainHandlers<typeof usersChannels> = {
  'users.list': (_req, { app }) => app.accounts.users.list().map(toView),

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
};
