// Runs in: main process.
// The single entry point for renderer calls from either shell: checks the channel exists,
// validates the payload, checks session and role, runs the handler, validates the response,
// and wraps the outcome in an ok/error envelope. Shells add transport, nothing else.
import { z } from 'zod';
import type { ErrorDetails, Result, Role } from '../../ipc/channel';
import { contract, type ChannelName } from '../../ipc/contract';
import { AppError } from '../platform/app-error';
import type { Session } from '../auth/session-store';
import type { AppContext } from '../app-context';
import { handlers } from './handlers';
import { describeRequestError } from './request-errors';

/** What a session signed in with a one-time password may do before choosing its own (besides public calls). */
const BEFORE_PASSWORD_CHANGE = new Set<string>(['auth.changePassword']);

export interface CallContext {
  app: AppContext;
  connectionId: string;
  /** Present for signed-in, unlocked callers of non-public channels. */
  session: Session | undefined;
}

export type Handlers = {
  [C in ChannelName]: (
    request: z.output<(typeof contract)[C]['request']>,
    ctx: CallContext,
  ) => Promise<z.input<(typeof contract)[C]['response']>> | z.input<(typeof contract)[C]['response']>;
};

function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

const fail = (code: AppError['code'], message: string, details?: ErrorDetails): Result<never> => ({
  ok: false,
  error: details ? { code: code as never, message, details } : { code: code as never, message },
});

export type Router = (channel: string, payload: unknown, connectionId: string) => Promise<Result<unknown>>;

/** No session: never had one, or it ended because the account changed (said once). */
function notSignedIn(app: AppContext, connectionId: string): Result<never> {
  if (!app.sessions.takeRevoked(connectionId)) return fail('NOT_SIGNED_IN', 'Please sign in.');
  return fail(
    'NOT_SIGNED_IN',
    'Your account was changed since you signed in (its role, status or password). Please sign in again.',
  );
}

export function createRouter(app: AppContext): Router {
  return async (channel, payload, connectionId) => {
    // Messages are shown as they are: they name the field and what to change, never the channel.
    if (!isChannel(channel))
      return fail(
        'UNKNOWN_CHANNEL',
        'The screen asked for something this console does not offer. Restart the app.',
      );
    const def = contract[channel];
    const parsed = def.request.safeParse(payload ?? {});
    if (!parsed.success) return fail('INVALID_REQUEST', describeRequestError(parsed.error, payload ?? {}));
    let session: Session | undefined;
    if (def.access !== 'public') {
      session = app.sessions.get(connectionId);
      if (!session) return notSignedIn(app, connectionId);
      if (session.locked)
        return fail(
          'SESSION_LOCKED',
          'The session was locked after inactivity. Enter your password to continue.',
        );
      if (!(def.access as readonly Role[]).includes(session.role)) {
        app.audit.append({
          actor: session.username,
          action: 'ipc.forbidden',
          subject: `channel:${channel}`,
          details: { role: session.role },
        });
        const task = def.summary.charAt(0).toLowerCase() + def.summary.slice(1);
        return fail('FORBIDDEN', `Your role (${session.role}) may not do this: ${task}.`);
      }
      if (session.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(channel))
        return fail('PASSWORD_CHANGE_REQUIRED', 'Choose a new password before you continue.');
      // No call counts as the officer's activity, or the status area's polling would keep an
      // unattended booth open: the renderer reports real input (auth.activity) instead.
    }
    try {
      const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, { app, connectionId, session });
      const out = def.response.safeParse(value);
      if (!out.success) {
        console.error(`[router] ${channel} produced an invalid response`, out.error.issues[0]);
        return fail('INTERNAL', 'The app produced an unexpected result. The problem has been logged.');
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.details);
      console.error(`[router] ${channel} failed:`, (e as Error).stack ?? e);
      return fail('INTERNAL', 'Something went wrong in the app. The problem has been logged.');
    }
  };
}
