// Runs in: tests (jsdom). A flag as the supervisors' review queue gets it from main, with the
// fields a test cares about overridden; the dashboard tests share it.
import type { ReviewItemView } from '../../../../ipc/channels/reporting';

export const reviewFlag = (f: Partial<ReviewItemView> = {}): ReviewItemView => ({
  id: 1,
  ruleId: 'SHARED_ADDRESS',
  ruleVersion: 1,
  ruleDescription: '',
  severity: 'high',
  explanation: '4 unrelated households gave 12 Elm St as their US address.',
  evidence: {},
  status: 'open',
  computedAt: '2026-12-01T10:00:00Z',
  acknowledgedBy: null,
  acknowledgedAt: null,
  ackNote: null,
  feedback: null,
  feedbackBy: null,
  applicantId: 'A1',
  applicantName: 'Ana Lopez',
  port: 'SYS',
  serviceDate: '2026-12-01',
  feedbackAt: null,
  feedbackNote: null,
  decision: null,
  ...f,
});
