// Runs in: main process, CLI, tests. Staged rollout: each booth has a stable id, kept in its
// data folder, and a fixed place in [0, 100) derived from it; a stage of P % reaches the booths
// placed below P. electron-updater does the same with a random UUID in userData (the last four
// bytes of it); hashing our own id instead makes the place the same on every check and in both
// shells, and a growing stage keeps every booth it already reached.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const BOOTH_ID_FILE = 'booth-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** This booth's id, made once and kept beside the database (a restored database keeps it too). */
export function loadBoothId(dataDir: string): string {
  const file = path.join(dataDir, BOOTH_ID_FILE);
  try {
    const id = fs.readFileSync(file, 'utf8').trim();
    if (UUID.test(id)) return id.toLowerCase();
  } catch {
    // none yet: made below
  }
  const id = randomUUID();
  fs.writeFileSync(file, `${id}\n`, { mode: 0o644 });
  return id;
}

/** The booth's place in the rollout, in [0, 100): the same for the same id, always. */
export function stagePosition(boothId: string): number {
  const digest = createHash('sha256').update(`arrivals-rollout:${boothId}`).digest();
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}

/** Whether a stage of `percentage` % (absent: everyone) reaches this booth. */
export function inStage(boothId: string, percentage: number | null | undefined): boolean {
  if (percentage === null || percentage === undefined) return true;
  return stagePosition(boothId) < percentage;
}
