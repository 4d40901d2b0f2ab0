// A correction that moves applicants to one address raises SHARED_ADDRESS at ingest; moving
// them apart again clears it (kept for the record, not deleted).
import { describe, expect, it } from 'vitest';
import { FlagEngine } from '../../../main/flags/engine';
import { MemoryFeed, applicant, dayOf } from '../../helpers/memory-feed';
import { localConsole } from '../../helpers/feed';
import { column } from '../../helpers/sql';
import type { FeedRecord } from '../../../main/feed/schema';

const PORT = 'HID';
const DATE = '2026-11-22';

const day = (batches: FeedRecord[][]) => dayOf(PORT, DATE, batches);

describe('incremental flags', () => {
  it('follow corrections in later batches', async () => {
    const c = localConsole();
    const engine = new FlagEngine(c.db);
    const people = [1, 2, 3, 4].map((i) =>
      applicant(i, {
        groupId: `G${i}`,
        familyNames: ['Lopez', 'Baptiste', 'Ivanov', 'Costa'][i - 1]!,
        photo: null,
      }),
    );
    const home = { line1: '77 Palm Ave Apt 3', line2: null, city: 'Miami', state: 'FL', zip: '33101' };
    const moved: FeedRecord[] = [2, 3, 4].map((i) => ({
      type: 'correction',
      applicantId: `A${i}`,
      fields: { address: { ...home, line1: i === 3 ? '77 PALM AVENUE #3' : home.line1 } },
    }));
    const apart: FeedRecord[] = [
      {
        type: 'correction',
        applicantId: 'A4',
        fields: { address: { line1: '9 Elm St', line2: null, city: 'Yuma', state: 'AZ', zip: '85364' } },
      },
    ];
    const feed = new MemoryFeed(day([[...people], moved, apart]));
    feed.lookoutList = null;
    const open = () =>
      column(
        c.db,
        "SELECT applicant_id FROM flags WHERE rule_id = 'SHARED_ADDRESS' AND status = 'open' ORDER BY 1",
      );
    let step = 0;
    const seen: string[][] = [];
    await c.engine.syncDay(feed, PORT, DATE, {
      onBatchApplied: (r) => {
        engine.updateFor(r.applicantIds);
        seen[step++] = open();
      },
    });
    expect(seen[0]).toEqual([]);
    expect(seen[1]).toEqual(['A2', 'A3', 'A4']);
    expect(seen[2]).toEqual([]);
    expect(
      c.db
        .prepare("SELECT COUNT(*) AS n FROM flags WHERE rule_id = 'SHARED_ADDRESS' AND status = 'cleared'")
        .get(),
    ).toEqual({ n: 3 });
  });
});
