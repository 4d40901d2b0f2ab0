// Runs in: main process. The supervisor's flag review for a port-day: the queue (names, so every
// read is audited with whose flags were shown) and the cross-port trends of the vetting window.
// A verdict itself goes through flags.feedback; its case and evidence open through applicant.get
// (audited there).
import type { FlagReviewView, PortDayRequest, ReviewItemView } from '../../ipc/channels/reporting';
import type { AppContext } from '../app-context';
import { toReviewFlagView } from '../flags/flag-service';
import { trends } from '../flags/trends';
import { daySubject, resolvePortDay } from './dashboard';
import { FlagReviewRepository, type ReviewQueueRow } from './flag-review-repository';

/** Flags the queue carries; the rest are counted. */
export const QUEUE_LIMIT = 100;
/** Trends per kind (address, phone, email, device). */
export const TRENDS_PER_KIND = 5;

export function toReviewItem(r: ReviewQueueRow): ReviewItemView {
  return {
    ...toReviewFlagView(r),
    feedbackAt: r.feedback_at,
    feedbackNote: r.feedback_note,
    decision: r.decision,
  };
}

export function flagReview(app: AppContext, viewer: string, req: PortDayRequest): FlagReviewView {
  const day = resolvePortDay(app, req);
  const repo = new FlagReviewRepository(app.db);
  const queue = day ? repo.queue(day, QUEUE_LIMIT).map(toReviewItem) : [];
  const view = {
    queue,
    total: day ? repo.count(day) : 0,
    trends: trends(app.db, TRENDS_PER_KIND).map(({ key: _k, ...t }) => t),
  };
  app.audit.append({
    actor: viewer,
    action: 'flags.review.view',
    subject: day ? daySubject(day) : 'flags',
    details: {
      rows: queue.length,
      applicants: [...new Set(queue.map((f) => f.applicantId))],
      trends: view.trends.length,
    },
  });
  return view;
}
