// Runs in: tests (Node). Every channel's name, access and summary, against a reviewed snapshot:
// who may call what is the contract's security surface, so a change to it shows up in review as
// a snapshot diff (update it on purpose with `npx vitest run -u <this file>`).
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../ipc/contract';

describe('IPC contract snapshot', () => {
  it('keeps every channel, its access and its summary as reviewed', () => {
    const channels = [...CHANNELS].sort().map((name) => {
      const { access, summary } = contract[name];
      return { name, access: access === 'public' ? access : access.join(','), summary };
    });
    expect(channels).toMatchSnapshot();
  });
});
