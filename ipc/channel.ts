// Runs in: main (validation), preload (channel names), renderer (types only).
// What every domain's channel map is made of: roles, access, the channel() definer, the
// ok/error envelope. Domains live in ipc/channels/; ipc/contract.ts merges them.
import { z } from 'zod';

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** 'public' channels may be called before sign-in; all others need an unlocked session. */
export type Access = 'public' | readonly Role[];

export const Empty = z.object({}).strict();

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  access: Access;
  request: Req;
  response: Res;
  /** One line for the docs and the audit log. */
  summary: string;
}

/**
 * Defines one channel: `channel(access, summary, request, response)`, one line where it fits so a
 * domain's map reads as a table. The object form (`channel({ access, summary, request, response })`)
 * is the same definition.
 */
export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  access: Access,
  summary: string,
  request: Req,
  response: Res,
): ChannelDef<Req, Res>;
export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  def: ChannelDef<Req, Res>,
): ChannelDef<Req, Res>;
export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  ...args: [ChannelDef<Req, Res>] | [Access, string, Req, Res]
): ChannelDef<Req, Res> {
  if (args.length === 1) return args[0];
  const [access, summary, request, response] = args;
  return { access, summary, request, response };
}

export type ErrorCode =
  | 'UNKNOWN_CHANNEL'
  | 'INVALID_REQUEST'
  | 'NOT_SIGNED_IN'
  | 'SESSION_LOCKED'
  | 'FORBIDDEN'
  | 'BAD_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  /** Sign-in throttled (main/auth/sign-in-throttle.ts): details.retryAfterMs says how long to wait. */
  | 'TOO_MANY_ATTEMPTS'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'SETUP_DONE'
  | 'CONFLICT'
  | 'NOT_FOUND'
  /** The face engine cannot run here (models missing or unloadable): compare by eye meanwhile. */
  | 'FACE_ENGINE_UNAVAILABLE'
  | 'INTERNAL';

/**
 * Numbers behind a refusal, for the screen to say in its own words and time zone (the lock
 * screen: "3 attempts left", "locked until 14:05"); `message` stays the complete English text.
 */
export type ErrorDetails = { attemptsLeft?: number; lockedUntil?: string; retryAfterMs?: number };
export type IpcError = { code: ErrorCode; message: string; details?: ErrorDetails };
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

type ChannelMap = Record<string, ChannelDef>;
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** Merges the domains' channel maps; a name defined twice fails at load, not at call time. */
export function mergeChannels<const Maps extends readonly ChannelMap[]>(
  ...maps: Maps
): UnionToIntersection<Maps[number]> {
  const merged: ChannelMap = {};
  for (const map of maps) {
    for (const [name, def] of Object.entries(map)) {
      if (Object.prototype.hasOwnProperty.call(merged, name))
        throw new Error(`IPC channel "${name}" is defined twice.`);
      merged[name] = def;
    }
  }
  return merged as UnionToIntersection<Maps[number]>;
}
