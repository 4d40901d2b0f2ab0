// Runs in: tests (Node). A data folder's database file, its WAL and any rollback journal as the
// plain bytes `grep -a` would read were they not encrypted: every page of the file and every WAL
// frame decrypted with the folder's key (SQLCipher 4 as main/db/encryption.ts writes it: each
// page AES-256-CBC, its IV at the start of the page's 80 reserved bytes; page 1 after its 16-byte
// salt), free pages and the stale middles of live pages included; a plain file as it is. What a
// purge must leave clean is then checked on these bytes, whether or not the file is encrypted.
import fs from 'node:fs';
import { createDecipheriv } from 'node:crypto';
import { dbPath } from '../../main/db/database';
import { databaseKey, isPlainDatabase } from '../../main/db/encryption';
import { readDataKey } from '../../main/platform/data-key';

const PAGE = 4096;
const RESERVE = 80;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const d = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([d.update(page.subarray(first ? 16 : 0, PAGE - RESERVE)), d.final()]);
}

export function plainDatabaseBytes(dataDir: string): Buffer {
  const file = dbPath(dataDir);
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0));
  const main = read(file);
  const wal = read(`${file}-wal`);
  const journal = read(`${file}-journal`);
  if (!main.length || isPlainDatabase(file)) return Buffer.concat([main, wal, journal]);
  const dataKey = readDataKey(dataDir);
  if (!dataKey) throw new Error(`${dataDir} holds an encrypted database but no data key`);
  const key = databaseKey(dataKey);
  const out: Buffer[] = [];
  for (let off = 0; off + PAGE <= main.length; off += PAGE)
    out.push(decryptPage(main.subarray(off, off + PAGE), key, off === 0));
  for (let off = WAL_HEADER; off + FRAME_HEADER + PAGE <= wal.length; off += FRAME_HEADER + PAGE) {
    const pageNo = wal.readUInt32BE(off);
    out.push(decryptPage(wal.subarray(off + FRAME_HEADER, off + FRAME_HEADER + PAGE), key, pageNo === 1));
  }
  // A rollback journal exists only mid-transaction in WAL mode; its pages are kept as they are.
  out.push(journal);
  return Buffer.concat(out);
}
