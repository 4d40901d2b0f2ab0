// Runs in: tests (jsdom project). The queue's filters over the list main sent: status, open
// flags, the time window around now, "not yet processed"; order kept (a search's ranking too).
import { describe, expect, it } from 'vitest';
import type { QueueItemView } from '../../../../ipc/channels/queue';
import {
  filterQueue,
  isFiltered,
  NO_FILTER,
  type QueueFilter,
} from '../../../../renderer/src/features/booth/queue-filter';

const NOW = Date.parse('2026-12-01T18:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

const row = (id: string, over: Partial<QueueItemView>): QueueItemView => ({
  appointmentId: `AP${id}`,
  applicantId: id,
  groupId: 'G',
  groupSize: 1,
  slot: at(0),
  status: 'scheduled',
  givenNames: 'G',
  familyNames: 'F',
  nameAsWritten: 'G F',
  dob: '1990-01-01',
  hasPhoto: false,
  openFlags: 0,
  topSeverity: null,
  ...over,
});

// Ranked as a search returned them, not in slot order.
const ITEMS = [
  row('late', { slot: at(150), status: 'scheduled' }),
  row('done', { slot: at(-30), status: 'completed', openFlags: 1, topSeverity: 'low' }),
  row('soon', { slot: at(45), status: 'rescheduled', openFlags: 2, topSeverity: 'high' }),
  row('gone', { slot: at(-200), status: 'cancelled' }),
  row('here', { slot: at(-10), status: 'arrived' }),
  row('noshow', { slot: at(-90), status: 'no_show' }),
];
const ids = (f: Partial<QueueFilter>) =>
  filterQueue(ITEMS, { ...NO_FILTER, ...f }, NOW).map((r) => r.applicantId);

describe('filterQueue', () => {
  it('no filter: the list as it came', () => {
    expect(filterQueue(ITEMS, NO_FILTER, NOW)).toBe(ITEMS);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('by status, open flags and not yet processed, keeping the order', () => {
    expect(ids({ statuses: ['scheduled', 'cancelled'] })).toEqual(['late', 'gone']);
    expect(ids({ flagged: true })).toEqual(['done', 'soon']);
    expect(ids({ notProcessed: true })).toEqual(['late', 'soon', 'here']);
    expect(ids({ notProcessed: true, flagged: true })).toEqual(['soon']);
  });

  it('by time window around now', () => {
    expect(ids({ window: 'now' })).toEqual(['done', 'soon', 'here']);
    expect(ids({ window: 'next2h' })).toEqual(['soon']);
    expect(ids({ window: 'earlier' })).toEqual(['done', 'gone', 'here', 'noshow']);
    expect(ids({ window: 'later' })).toEqual(['late', 'soon']);
    expect(isFiltered({ ...NO_FILTER, window: 'later' })).toBe(true);
  });
});
