// Runs in: main (validation), preload (channel names), renderer (types only).
// The tamper-evident audit log: recent entries and a chain check.
import { z } from 'zod';
import { channel, Empty } from '../channel';

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditVerifyView = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerifyView = z.infer<typeof AuditVerifyView>;

export const auditChannels = {
  'audit.recent': channel(
    ['supervisor', 'admin'],
    'Most recent audit entries',
    z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.array(AuditEntryView),
  ),
  'audit.verify': channel(['supervisor', 'admin'], 'Verify the audit hash chain', Empty, AuditVerifyView),
} as const;
