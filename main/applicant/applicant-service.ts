// Runs in: main process. What the booth reads about applicants: today's queue at this port and
// one applicant's case. Both show names, so both views are audited (once per request, not per row).
// The search itself (folding, ranking) is search.ts.
import type { ApplicantView } from '../../ipc/channels/applicant';
import type { QueueView } from '../../ipc/channels/queue';
import type { AppContext } from '../app-context';
import type { Db } from '../db/database';
import { portByCode, serviceDateAt } from '../domain/ports';
import { EncounterRepository, toEncounterView } from '../encounter/encounter-repository';
import { AppError } from '../platform/app-error';
import { activePort } from '../sync/status';
import {
  ApplicantRepository,
  toApplicantView,
  toQueueItemView,
  type ApplicantRow,
  type QueueRow,
} from './applicant-repository';
import { rankRows, SearchKeyCache } from './search';

const PURGED = 'No such applicant (it may have been purged under the retention rule).';
const NO_PHOTO = 'No photo was submitted with this booking (demo data has photos for only a few applicants).';
const NOT_DOWNLOADED = 'The submitted photo has not been downloaded yet; it will arrive with the next sync.';

const caches = new WeakMap<Db, SearchKeyCache>();

/** One search-key cache per database: services are made per call, the cache outlives them. */
function searchCache(db: Db): SearchKeyCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new SearchKeyCache()));
  return c;
}

/** Rows folded per slice of the warm-up, so no renderer call waits behind a whole day's folding. */
const WARM_SLICE = 250;

/**
 * After a queue is answered, fold its names for the search in small slices between other work,
 * so the officer's first search does not pay for the whole day; drops other days' rows.
 */
function warmSearch(db: Db, rows: QueueRow[]): void {
  const cache = searchCache(db);
  cache.keepOnly(new Set(rows.map((r) => r.applicant_id)));
  const slice = (from: number) => {
    if (!db.open) return;
    for (const r of rows.slice(from, from + WARM_SLICE)) cache.keysFor(r);
    if (from + WARM_SLICE < rows.length) setImmediate(slice, from + WARM_SLICE);
  };
  setImmediate(slice, 0);
}

export class ApplicantService {
  private readonly repo: ApplicantRepository;

  constructor(private readonly app: AppContext) {
    this.repo = new ApplicantRepository(app.db);
  }

  /**
   * Today's appointments (in the port's time zone) in slot order or, searched, the ones that
   * match, best first (search.ts); an exact registration or appointment id (a scanned code) is
   * found on any day.
   */
  todaysQueue(viewer: string, search?: string, otherPorts = false): QueueView {
    const port = activePort(this.app);
    if (!port) return { port: null, timeZone: null, serviceDate: null, items: [], counts: {} };
    const date = serviceDateAt(port);
    const rows = this.repo.queue(port.code, date);
    const q = search?.trim() ?? '';
    const items = q ? this.search(rows, q, port.code, otherPorts) : rows.map((r) => toQueueItemView(r));
    if (!q) warmSearch(this.app.db, rows);
    this.app.audit.append({
      actor: viewer,
      action: 'queue.view',
      subject: `manifest:${port.code}:${date}`,
      details: { search: q ? 'yes' : 'no', ...(otherPorts ? { otherPorts: 'yes' } : {}), rows: items.length },
    });
    return {
      port: port.code,
      timeZone: port.timeZone,
      serviceDate: date,
      counts: this.repo.countsByStatus(port.code, date),
      items,
    };
  }

  /** Other ports' appointments (the vetting window's) are found by exact id only when asked for. */
  private search(rows: QueueRow[], q: string, own: string, otherPorts: boolean): QueueView['items'] {
    const ranked = rankRows(rows, q, searchCache(this.app.db));
    const today = new Set(rows.map((r) => r.appointment_id));
    const otherDays = ranked.some((m) => m.match === 'id')
      ? []
      : this.repo
          .byExactId([...new Set([q, q.toUpperCase()])])
          .filter((r) => !today.has(r.appointment_id) && (otherPorts || r.port === own))
          .map((row) => ({ row, match: 'id' as const }));
    const elsewhere = (r: QueueRow) => (r.port === own ? {} : { port: r.port, serviceDate: r.service_date });
    return [...otherDays, ...ranked].map((m) => ({
      ...toQueueItemView(m.row, m.match),
      ...elsewhere(m.row),
    }));
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
