// Runs in: tests (Node; run as a script by the e2e specs: `node --import tsx make-bundle.ts OUT
// PORT DATE N`). Writes a signed offline bundle of a generated port-day (the demo publisher key)
// and prints what it holds as JSON; a copy with one byte of a record changed is written beside it
// (OUT.corrupt), for the refusal.
import fs from 'node:fs';
import { writeBundle } from '../../main/feed/bundle';
import { demoSigningKey } from '../../main/feed/demo-key';
import { generateFeed } from '../../main/feed/generator/index';
import { publishFeed } from '../../main/feed/publish';

export interface MadeBundle {
  batches: number;
  applicants: number;
}

export async function makeBundle(
  out: string,
  port: string,
  date: string,
  perDay: number,
): Promise<MadeBundle> {
  const feed = await generateFeed({ ports: [port], dates: [date], perPortPerDay: perDay, seed: 12 });
  const published = publishFeed(feed, demoSigningKey(), { batchSize: 50 });
  const day = [...published.days.values()][0]!;
  writeBundle(out, { header: day.header, batches: day.batches, lookout: null, blobs: published.blobs });
  const corrupt = fs.readFileSync(out);
  const at = corrupt.indexOf(Buffer.from('familyNames')) + 20;
  corrupt[at] = corrupt[at] === 0x41 ? 0x42 : 0x41;
  fs.writeFileSync(`${out}.corrupt`, corrupt);
  return {
    batches: day.batches.length,
    applicants: feed.days[0]!.records.filter((r) => r.type === 'applicant').length,
  };
}

if (require.main === module) {
  const [out, port, date, n] = process.argv.slice(2);
  void makeBundle(out!, port!, date!, Number(n)).then((r) => console.log(JSON.stringify(r)));
}
