// Runs in: tests (a Node child process, started with SQLITE_TMPDIR set). Opens the app's database in
// the folder argv[2], fills a temporary table far past its page cache and sorts it (what the
// dashboard's working state and a large GROUP BY do), then prints, as JSON, the files this
// process has open under SQLITE_TMPDIR (SQLite unlinks its temporary files at once, so only
// /proc/self/fd shows them) and the temp_store setting.
import fs from 'node:fs';
import { openDatabase } from '../../main/db/database';

const dir = process.argv[2]!;
const tmp = fs.realpathSync(process.env.SQLITE_TMPDIR!);
const db = openDatabase(dir);
db.exec('CREATE TEMP TABLE spill (k TEXT, v TEXT)');
const insert = db.prepare('INSERT INTO temp.spill VALUES (?, ?)');
db.transaction(() => {
  for (let i = 0; i < 60_000; i++) insert.run(`applicant-${i}`, 'Planted Temporary Person '.repeat(20));
})();
db.prepare('SELECT k, COUNT(*) FROM temp.spill GROUP BY v, k ORDER BY k DESC LIMIT 1').all();
const open = fs
  .readdirSync('/proc/self/fd')
  .map((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return '';
    }
  })
  .filter((target) => target.startsWith(tmp));
console.log(JSON.stringify({ open, tempStore: db.pragma('temp_store', { simple: true }) }));
db.close();
