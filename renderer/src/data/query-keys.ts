// Runs in: renderer. The one query-key factory: every key starts with the channel's domain
// (the part before the dot), so a change invalidates a whole domain with one call.
import type { ChannelName, RequestOf } from '../../../ipc/contract';

export type Domain = ChannelName extends `${infer D}.${string}` ? D : never;

export const domainOf = (channel: ChannelName): Domain => channel.slice(0, channel.indexOf('.')) as Domain;

export const queryKeys = {
  /** Everything cached for a domain: `invalidateQueries({ queryKey: queryKeys.domain('flags') })`. */
  domain: (domain: Domain) => [domain] as const,
  /** One channel's answer for one request. */
  channel: <C extends ChannelName>(channel: C, request?: RequestOf<C>) =>
    [domainOf(channel), channel, request ?? {}] as const,
};
