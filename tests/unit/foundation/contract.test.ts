// Runs in: tests (Node). The contract is merged from the domains' channel maps; a name defined
// twice must fail when the contract loads, not when someone calls it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel, Empty, mergeChannels } from '../../../ipc/channel';
import { CHANNELS, contract } from '../../../ipc/contract';

const ping = channel({ access: 'public', summary: 'ping', request: Empty, response: z.object({}) });

describe('IPC contract', () => {
  it('merges every domain into one map of distinct channels', () => {
    expect(CHANNELS.length).toBe(new Set(CHANNELS).size);
    expect(CHANNELS).toEqual(
      expect.arrayContaining(['app.info', 'auth.signIn', 'queue.today', 'flags.overview', 'engine.status']),
    );
    for (const name of CHANNELS) {
      const def = contract[name];
      expect(def.summary.length, name).toBeGreaterThan(0);
      expect(def.access === 'public' || def.access.length > 0, name).toBe(true);
    }
  });

  it('refuses a channel defined by two domains', () => {
    expect(() => mergeChannels({ 'a.ping': ping }, { 'b.ping': ping, 'a.ping': ping })).toThrow(
      'IPC channel "a.ping" is defined twice.',
    );
    expect(Object.keys(mergeChannels({ 'a.ping': ping }, { 'b.ping': ping }))).toEqual(['a.ping', 'b.ping']);
  });
});
