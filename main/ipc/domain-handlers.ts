// Runs in: main process.
// What a domain's handlers.ts is made of: a handler map typed from that domain's channel map only,
// the signed-in actor, and the merge that main/ipc/handlers.ts runs once at load.
import type { ChannelDef, UnionToIntersection } from '../../ipc/channel';
import type { ChannelName } from '../../ipc/contract';
import { AppError } from '../platform/app-error';
import type { CallContext, Handlers } from './router';

/** One handler per channel of a domain's map (`typeof flagsChannels`); a name not in the contract is `never`. */
export type DomainHandlers<M extends Record<string, ChannelDef>> = {
  [C in keyof M]: C extends ChannelName ? Handlers[C] : never;
};

type HandlerMap = Record<string, (request: never, ctx: CallContext) => unknown>;

/** The signed-in user's name, for audit entries; the router has already checked the session. */
export function actor(ctx: CallContext): string {
  if (!ctx.session) throw new AppError('NOT_SIGNED_IN', 'Please sign in.');
  return ctx.session.username;
}

/**
 * Merges the domains' handler maps and checks the result against the contract's channel names:
 * a channel handled twice, not handled, or not in the contract fails at load, not at call time.
 */
export function mergeHandlers<const Maps extends readonly HandlerMap[]>(
  channels: readonly string[],
  ...maps: Maps
): UnionToIntersection<Maps[number]> {
  const merged: HandlerMap = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) {
        throw new Error(`IPC channel "${name}" has two handlers.`);
      }
      merged[name] = handler;
    }
  }
  const expected = new Set(channels);
  const missing = channels.filter((c) => !Object.prototype.hasOwnProperty.call(merged, c));
  const unknown = Object.keys(merged).filter((c) => !expected.has(c));
  if (missing.length) throw new Error(`IPC channels without a handler: ${missing.join(', ')}.`);
  if (unknown.length) throw new Error(`Handlers for channels not in the contract: ${unknown.join(', ')}.`);
  return merged as UnionToIntersection<Maps[number]>;
}
