// Runs in: main process.
// One handler per contract channel. Handlers trust their input (the router validated it)
// and their caller's role (the router checked it); they enforce business rules only.
import type { SessionView } from '../../ipc/contract';
import { AppError } from '../platform/app-error';
import { toView } from '../auth/user-repository';
import type { CallContext, Handlers } from './router';
import { syncStatus } from '../sync/status';

function sessionView(ctx: CallContext): SessionView {
  const s = ctx.app.sessions.get(ctx.connectionId);
  const idleLockMinutes = ctx.app.settings.get().idleLockMinutes;
  if (!s) return { user: null, locked: false, idleLockMinutes };
  const u = ctx.app.accounts.users.byId(s.userId);
  return { user: u ? toView(u) : null, locked: s.locked, idleLockMinutes };
}

function actor(ctx: CallContext): string {
  if (!ctx.session) throw new AppError('NOT_SIGNED_IN', 'Please sign in.');
  return ctx.session.username;
}

export const handlers: Handlers = {
  'app.info': (_req, { app }) => ({
    name: 'Arrivals Console',
    version: app.version,
    shell: app.shell === 'electron' ? 'electron' : 'browser',
    mode: app.mode,
    needsSetup: app.accounts.needsSetup(),
    port: syncStatus(app).port,
  }),

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
    if (s) ctx.app.audit.append({ actor: s.username, action: 'auth.sign_out', subject: `user:${s.username}`, details: {} });
    return { signedOut: Boolean(s) };
  },

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

  'audit.recent': (req, { app }) => app.audit.recent(req.limit),

  'audit.verify': (_req, ctx) => {
    const result = ctx.app.audit.verify();
    ctx.app.audit.append({ actor: actor(ctx), action: 'audit.verify', subject: 'audit_log', details: { ok: result.ok, entries: result.entries } });
    return result;
  },

  'settings.get': (_req, { app }) => app.settings.get(),

  'settings.update': (req, ctx) => {
    const before = ctx.app.settings.get();
    const after = ctx.app.db.transaction(() => {
      const s = ctx.app.settings.update(req);
      ctx.app.audit.append({ actor: actor(ctx), action: 'settings.update', subject: 'settings', details: { before, after: s } });
      return s;
    })();
    return after;
  },

  'sync.status': (_req, { app }) => syncStatus(app),
};
