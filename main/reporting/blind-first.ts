// Runs in: main process. The supervisor's blind-first comparison (against automation bias: did
// officers judge faces for themselves before they saw the score, and where did they and the
// engine part?): counts by judgement and band, per officer, and the disagreements to look at.
// The disagreements name people, so each read is audited with whose comparisons were shown.
import type { BlindFirstView, PortDayRequest } from '../../ipc/channels/reporting';
import type { AppContext } from '../app-context';
import { BlindFirstRepository } from './blind-first-repository';
import { daySubject, resolvePortDay } from './dashboard';

export function blindFirst(app: AppContext, viewer: string, req: PortDayRequest): BlindFirstView {
  const day = resolvePortDay(app, req);
  if (!day) return { port: null, serviceDate: null, cells: [], officers: [], pending: 0, disagreements: [] };
  const repo = new BlindFirstRepository(app.db);
  const view = app.db.transaction((): BlindFirstView => ({
    port: day.port,
    serviceDate: day.date,
    cells: repo.cells(day),
    officers: repo.officers(day),
    pending: repo.pending(day),
    disagreements: repo.disagreements(day).map((r) => ({
      verificationId: r.id,
      applicantId: r.applicant_id,
      name: `${r.given_names} ${r.family_names}`,
      officer: r.officer,
      at: r.at,
      judgement: r.judgement,
      band: r.band,
      score: r.score,
    })),
  }))();
  app.audit.append({
    actor: viewer,
    action: 'blind_first.view',
    subject: daySubject(day),
    details: {
      disagreements: view.disagreements.length,
      applicants: [...new Set(view.disagreements.map((d) => d.applicantId))],
    },
  });
  return view;
}
