// Runs in: main process. What the booth reads about applicants: today's queue at this port and
// one applicant's case. Both show names, so both views are audited (once per request, not per row).
import type { ApplicantView } from '../../ipc/channels/applicant';
import type { QueueView } from '../../ipc/channels/queue';
import type { AppContext } from '../app-context';
import { portByCode, serviceDateAt } from '../domain/ports';
import { EncounterRepository, toEncounterView } from '../encounter/encounter-repository';
import { AppError } from '../platform/app-error';
import { activePort } from '../sync/status';
import {
  ApplicantRepository,
  toApplicantView,
  toQueueItemView,
  type ApplicantRow,
} from './applicant-repository';

const PURGED = 'No such applicant (it may have been purged under the retention rule).';
const NO_PHOTO = 'No photo was submitted with this booking (demo data has photos for only a few applicants).';
const NOT_DOWNLOADED = 'The submitted photo has not been downloaded yet; it will arrive with the next sync.';

export class ApplicantService {
  private readonly repo: ApplicantRepository;

  constructor(private readonly app: AppContext) {
    this.repo = new ApplicantRepository(app.db);
  }

  /** Today's appointments (in the port's time zone), optionally searched by name, id or document. */
  todaysQueue(viewer: string, search?: string): QueueView {
    const port = activePort(this.app);
    if (!port) return { port: null, timeZone: null, serviceDate: null, items: [], counts: {} };
    const date = serviceDateAt(port);
    const rows = this.repo.queue(port.code, date, search);
    this.app.audit.append({
      actor: viewer,
      action: 'queue.view',
      subject: `manifest:${port.code}:${date}`,
      details: { search: search ? 'yes' : 'no', rows: rows.length },
    });
    return {
      port: port.code,
      timeZone: port.timeZone,
      serviceDate: date,
      counts: this.repo.countsByStatus(port.code, date),
      items: rows.map(toQueueItemView),
    };
  }

  /** One applicant's record, group, appointments, submitted photo, flags and decisions. */
  caseFile(viewer: string, applicantId: string): ApplicantView {
    const a = this.repo.get(applicantId);
    if (!a) throw new AppError('NOT_FOUND', PURGED);
    this.app.audit.append({
      actor: viewer,
      action: 'applicant.view',
      subject: `applicant:${a.applicant_id}`,
      details: { port: a.port, serviceDate: a.service_date },
    });
    return toApplicantView(a, {
      timeZone: portByCode(a.port)?.timeZone ?? 'UTC',
      ...this.photo(a),
      group: this.repo.groupMembers(a.group_id),
      appointments: this.repo.appointments(a.applicant_id),
      flags: this.app.flags.forApplicant(a.applicant_id),
      encounters: new EncounterRepository(this.app.db).forApplicant(a.applicant_id).map(toEncounterView),
    });
  }

  /** The submitted photo as a data: URL, or why there is none to show. */
  private photo(a: ApplicantRow): Pick<ApplicantView, 'photo' | 'photoMissingReason'> {
    if (!a.photo_sha256) return { photo: null, photoMissingReason: NO_PHOTO };
    const bytes = this.app.photos.get(a.photo_sha256);
    if (!bytes) return { photo: null, photoMissingReason: NOT_DOWNLOADED };
    return { photo: `data:image/jpeg;base64,${bytes.toString('base64')}`, photoMissingReason: null };
  }
}
