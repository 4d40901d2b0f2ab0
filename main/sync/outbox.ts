// Runs in: main process and CLI.
// Booth decisions wait here until the server acknowledges them. Each has a client UUID so a
// retried POST is recognised by the server, and no row is ever deleted before its ack.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';

export interface OutboxRow {
  client_id: string;
  kind: string;
  applicant_id: string;
  payload: string;
  created_at: string;
  attempts: number;
  last_attempt_at: string | null;
  last_error: string | null;
  acked_at: string | null;
  server_received_at: string | null;
}

export interface Ack {
  clientId: string;
  receivedAt: string;
  duplicate: boolean;
}

export interface OutboxStatus {
  pending: number;
  failing: number;
  acknowledged: number;
  oldestPendingAt: string | null;
  lastError: string | null;
}

export class Outbox {
  constructor(private readonly db: Db) {}

  enqueue(
    kind: string,
    applicantId: string,
    payload: Record<string, unknown>,
    clientId: string = randomUUID(),
  ): string {
    this.db
      .prepare(
        'INSERT INTO outbox (client_id, kind, applicant_id, payload, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(clientId, kind, applicantId, JSON.stringify({ ...payload, clientId }), new Date().toISOString());
    return clientId;
  }

  pending(limit = 50): OutboxRow[] {
    return this.db
      .prepare<[number], OutboxRow>(
        'SELECT * FROM outbox WHERE acked_at IS NULL ORDER BY created_at, client_id LIMIT ?',
      )
      .all(limit);
  }

  status(): OutboxStatus {
    const r = this.db
      .prepare(
        `SELECT SUM(acked_at IS NULL) AS pending, SUM(acked_at IS NULL AND last_error IS NOT NULL) AS failing,
                SUM(acked_at IS NOT NULL) AS acknowledged, MIN(CASE WHEN acked_at IS NULL THEN created_at END) AS oldest
         FROM outbox`,
      )
      .get() as {
      pending: number | null;
      failing: number | null;
      acknowledged: number | null;
      oldest: string | null;
    };
    const last = this.db
      .prepare(
        'SELECT last_error FROM outbox WHERE acked_at IS NULL AND last_error IS NOT NULL ORDER BY last_attempt_at DESC LIMIT 1',
      )
      .get() as { last_error: string } | undefined;
    return {
      pending: r.pending ?? 0,
      failing: r.failing ?? 0,
      acknowledged: r.acknowledged ?? 0,
      oldestPendingAt: r.oldest,
      lastError: last?.last_error ?? null,
    };
  }

  /**
   * Uploads pending rows in chunks through `post`. Rows are marked acknowledged only for the
   * acks the server returned; a failure records the error and leaves the rows for next time.
   */
  async flush(
    post: (payloads: unknown[]) => Promise<Ack[]>,
    chunk = 50,
  ): Promise<{ sent: number; acked: number }> {
    let sent = 0;
    let acked = 0;
    const seen = new Set<string>();
    for (;;) {
      const rows = this.pending(chunk).filter((r) => !seen.has(r.client_id));
      if (!rows.length) break;
      rows.forEach((r) => seen.add(r.client_id));
      const now = new Date().toISOString();
      const markAttempt = this.db.prepare(
        'UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE client_id = ?',
      );
      let acks: Ack[];
      try {
        acks = await post(rows.map((r) => JSON.parse(r.payload) as unknown));
      } catch (e) {
        const msg = (e as Error).message;
        this.db.transaction(() => rows.forEach((r) => markAttempt.run(now, msg, r.client_id)))();
        throw e;
      }
      sent += rows.length;
      const byId = new Map(acks.map((a) => [a.clientId, a]));
      const ack = this.db.prepare(
        'UPDATE outbox SET acked_at = ?, server_received_at = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = NULL WHERE client_id = ? AND acked_at IS NULL',
      );
      this.db.transaction(() => {
        for (const r of rows) {
          const a = byId.get(r.client_id);
          if (a) {
            ack.run(now, a.receivedAt, now, r.client_id);
            acked++;
          } else markAttempt.run(now, 'The server did not acknowledge this record.', r.client_id);
        }
      })();
    }
    return { sent, acked };
  }
}
