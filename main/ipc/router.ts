// Runs in: main process.
// The single entry point for renderer calls from either shell: checks the channel exists,
// validates the payload, checks session and role, runs the handler, validates the response,
// and wraps the outcome in an ok/error envelope. Shells add transport, nothing else.
import { z } from 'zod';
import type { Result, Role } from '../../ipc/channel';
import { contract, type ChannelName } from '../../ipc/contract';
import { AppError } from '../platform/app-error';
import type { Session } from '../auth/session-store';
import type { AppContext } from '../app-context';
import { handlers } from './handlers';

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

const fail = (code: AppError['code'], message: string): Result<never> => ({
  ok: false,
  error: { code: code as never, message },
});

export type Router = (channel: string, payload: unknown, connectionId: string) => Promise<Result<unknown>>;

export function createRouter(app: AppContext): Router {
  return async (channel, payload, connectionId) => {
    if (!isChannel(channel))
      return fail('UNKNOWN_CHANNEL', `There is no channel "${String(channel).slice(0, 80)}".`);
    const def = contract[channel];
    const parsed = def.request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        'INVALID_REQUEST',
        `Invalid request for ${channel}: ${issue?.path.join('.') || 'body'}: ${issue?.message}.`,
      );
    }
    let session: Session | undefined;
    if (def.access !== 'public') {
      session = app.sessions.get(connectionId);
      if (!session) return fail('NOT_SIGNED_IN', 'Please sign in.');
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
        return fail('FORBIDDEN', `Your role (${session.role}) may not use ${channel}.`);
      }
      app.sessions.touch(connectionId);
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
      if (e instanceof AppError) return fail(e.code, e.message);
      console.error(`[router] ${channel} failed:`, (e as Error).stack ?? e);
      return fail('INTERNAL', 'Something went wrong in the app. The problem has been logged.');
    }
  };
}
