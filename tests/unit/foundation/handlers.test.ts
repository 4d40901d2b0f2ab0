// Runs in: tests (Node). The merged handler map covers exactly the contract's channels, each once;
// a domain handling a channel twice, leaving one out or handling an unknown one fails at load.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../ipc/contract';
import { handlers } from '../../../main/ipc/handlers';
import { mergeHandlers } from '../../../main/ipc/domain-handlers';

const noop = () => ({});

describe('IPC handlers', () => {
  it('has one handler for every contract channel and none for anything else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const name of CHANNELS) expect(typeof handlers[name], name).toBe('function');
  });

  it('refuses a channel handled twice, a channel left out, and a channel not in the contract', () => {
    const both = ['a.ping', 'b.ping'];
    expect(() => mergeHandlers(both, { 'a.ping': noop }, { 'b.ping': noop, 'a.ping': noop })).toThrow(
      'IPC channel "a.ping" has two handlers.',
    );
    expect(() => mergeHandlers(both, { 'a.ping': noop })).toThrow('IPC channels without a handler: b.ping.');
    expect(() => mergeHandlers(['a.ping'], { 'a.ping': noop }, { 'c.ping': noop })).toThrow(
      'Handlers for channels not in the contract: c.ping.',
    );
    expect(Object.keys(mergeHandlers(both, { 'a.ping': noop }, { 'b.ping': noop }))).toEqual(both);
  });
});
