// Runs in: main process, tests. The update policy, the same over electron-updater and plain
// Node (backend.ts): check the channel's feed; offer a release only to the booths its stage
// reaches (rollout.ts); download it in the background, never on its own say-so
// (electron-updater's autoDownload is off); and install only when nobody is mid-case or
// verifying (case-activity.ts): at a sign-out, at the admin's quiet hour, or when an admin
// says "install now". Every download refused and every install is audited.
import type { UpdateStatusView } from '../../ipc/channels/update';
import type { AuditInput } from '../audit/audit-log';
import { AppError } from '../platform/app-error';
import { ArtifactRefused, type UpdateBackend, type UpdateProgress } from './backend';
import type { Busy, CaseActivity } from './case-activity';
import { inStage, stagePosition } from './rollout';
import type { UpdateChannel, UpdateInfo } from './update-feed';
import { compareVersions, isVersion } from './version';

export interface UpdateSettings {
  channel: UpdateChannel;
  feedUrl: string | null;
  /** 0–23 in the port's time zone; null: no quiet-hour installs. */
  quietHour: number | null;
}

export interface UpdateServiceDeps {
  currentVersion: string;
  boothId: () => string;
  settings: () => UpdateSettings;
  /** The port's time zone, for the quiet hour (the machine's when unknown). */
  timeZone: () => string | undefined;
  cases: CaseActivity;
  audit: { append(entry: AuditInput): unknown };
  backend: UpdateBackend;
  clock?: () => Date;
}

export type InstallReason = 'sign-out' | 'quiet-hour' | 'admin';

type Phase = UpdateStatusView['phase'];

function describeBusy(b: Busy): string {
  const parts: string[] = [];
  if (b.openCases) parts.push(b.openCases === 1 ? 'a case is open' : `${b.openCases} cases are open`);
  if (b.verifications)
    parts.push(
      b.verifications === 1 ? 'a face check is running' : `${b.verifications} face checks are running`,
    );
  return parts.join(' and ');
}

/** The hour (0–23) at `now` in a time zone. */
export function hourIn(now: Date, timeZone?: string): number {
  const text = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(now);
  return Number(text) % 24;
}

export class UpdateService {
  private backend: UpdateBackend;
  private phase: Phase = 'idle';
  private offered: { info: UpdateInfo; inStage: boolean } | null = null;
  private progress: UpdateProgress | null = null;
  private downloaded: UpdateInfo | null = null;
  private error: string | null = null;
  private lastCheckAt: string | null = null;
  private checking: Promise<UpdateStatusView> | null = null;
  private downloading: Promise<void> | null = null;
  private readonly clock: () => Date;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.backend = deps.backend;
    this.clock = deps.clock ?? (() => new Date());
  }

  /** The Electron shell swaps in electron-updater before the first check. */
  useBackend(backend: UpdateBackend): void {
    this.backend = backend;
  }

  get currentVersion(): string {
    return this.deps.currentVersion;
  }

  get boothId(): string {
    return this.deps.boothId();
  }

  status(): UpdateStatusView {
    const s = this.deps.settings();
    const offered = this.offered;
    return {
      currentVersion: this.deps.currentVersion,
      channel: s.channel,
      feedUrl: s.feedUrl,
      quietHour: s.quietHour,
      stagePosition: stagePosition(this.deps.boothId()),
      // A server set since the last check: nothing is known about it yet.
      phase:
        this.phase === 'unconfigured' && (s.feedUrl || this.backend.hasBuiltInFeed) ? 'idle' : this.phase,
      available: offered
        ? {
            version: offered.info.version,
            releaseDate: offered.info.releaseDate ?? null,
            stagingPercentage: offered.info.stagingPercentage ?? 100,
            inStage: offered.inStage,
            size: offered.info.files[0]?.size ?? null,
          }
        : null,
      progress: this.progress,
      downloadedVersion: this.downloaded?.version ?? null,
      error: this.error,
      lastCheckAt: this.lastCheckAt,
      busy: this.deps.cases.busy(),
    };
  }

  /** Checks the feed now (or joins the check under way); a release offered to this booth starts downloading. */
  check(): Promise<UpdateStatusView> {
    this.checking ??= this.runCheck()
      .then(() => this.status())
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  /** Settles when the background download (if any) has finished, either way. */
  async settled(): Promise<void> {
    await this.downloading;
  }

  private get holding(): boolean {
    return this.phase === 'downloading' || this.phase === 'installing';
  }

  private async runCheck(): Promise<void> {
    if (this.phase === 'installing') return;
    const s = this.deps.settings();
    if (!s.feedUrl && !this.backend.hasBuiltInFeed) {
      this.phase = 'unconfigured';
      this.offered = null;
      this.error = null;
      return;
    }
    if (!this.holding && this.phase !== 'downloaded') this.phase = 'checking';
    let info: UpdateInfo | null;
    try {
      info = await this.backend.latest({ url: s.feedUrl, channel: s.channel });
      if (info && !isVersion(info.version))
        throw new Error(
          `The update server names "${info.version}" as its newest version, which is not a version.`,
        );
    } catch (e) {
      this.error = (e as Error).message;
      if (!this.holding && this.phase !== 'downloaded') this.phase = 'error';
      return;
    }
    this.lastCheckAt = this.clock().toISOString();
    this.error = null;
    // Never an older version (beta back to stable): its database would be newer than it knows.
    if (!info || compareVersions(info.version, this.deps.currentVersion) <= 0) {
      this.offered = null;
      this.downloaded = null;
      if (!this.holding) this.phase = 'up-to-date';
      return;
    }
    const staged = inStage(this.deps.boothId(), info.stagingPercentage);
    this.offered = { info, inStage: staged };
    if (!staged) {
      // A stage pulled back after the download: what was downloaded is not installed.
      this.downloaded = null;
      if (!this.holding) this.phase = 'not-in-stage';
      return;
    }
    if (this.downloaded?.version === info.version) {
      this.phase = 'downloaded';
      return;
    }
    if (!this.downloading) this.startDownload(info);
  }

  private startDownload(info: UpdateInfo): void {
    this.phase = 'downloading';
    this.downloaded = null;
    this.progress = { transferred: 0, total: info.files[0]?.size ?? 0, percent: 0 };
    this.downloading = this.backend
      .download(info, (p) => (this.progress = p))
      .then(
        () => {
          const still = this.offered;
          if (still?.inStage && still.info.version === info.version) {
            this.downloaded = info;
            this.phase = 'downloaded';
          } else this.phase = still ? (still.inStage ? 'idle' : 'not-in-stage') : 'up-to-date';
        },
        (e: Error) => {
          this.phase = 'error';
          this.progress = null;
          this.error = e.message;
          if (e instanceof ArtifactRefused)
            this.deps.audit.append({
              actor: 'system',
              action: 'update.refused',
              subject: `version:${info.version}`,
              details: { reason: e.message },
            });
        },
      )
      .finally(() => {
        this.downloading = null;
      });
  }

  /** Someone signed out: a good moment, if nobody else is mid-case. */
  signedOut(): boolean {
    return this.tryInstall('sign-out');
  }

  /** Runs every minute: at the admin's quiet hour, install if nobody is mid-case. */
  tick(): boolean {
    const hour = this.deps.settings().quietHour;
    if (hour === null || hourIn(this.clock(), this.deps.timeZone()) !== hour) return false;
    return this.tryInstall('quiet-hour');
  }

  /** An admin's "install now": refused, saying why, while anyone is mid-case. */
  installNow(actor: string): UpdateStatusView {
    if (this.phase === 'installing') throw new AppError('CONFLICT', 'The update is already installing.');
    if (!this.downloaded) {
      const o = this.offered;
      throw new AppError(
        'CONFLICT',
        o && !o.inStage
          ? `Version ${o.info.version} is not offered to this booth yet: its rollout has reached ${o.info.stagingPercentage ?? 100} % of booths. It installs here once the rollout grows to include it.`
          : this.phase === 'downloading'
            ? 'The update is still downloading. Install it once the download has finished.'
            : 'No update has been downloaded. Check for updates first.',
      );
    }
    const busy = this.deps.cases.busy();
    if (!this.deps.cases.idle)
      throw new AppError(
        'CONFLICT',
        `Not now: ${describeBusy(busy)} on this console. The update installs by itself once nobody is mid-case (at sign-out or at the quiet hour), or install it then.`,
      );
    this.install('admin', actor);
    return this.status();
  }

  private tryInstall(reason: InstallReason): boolean {
    if (!this.downloaded || this.phase !== 'downloaded' || !this.deps.cases.idle) return false;
    this.install(reason, 'system');
    return true;
  }

  private install(reason: InstallReason, actor: string): void {
    const info = this.downloaded!;
    this.phase = 'installing';
    this.deps.audit.append({
      actor,
      action: 'update.install',
      subject: `version:${info.version}`,
      details: { from: this.deps.currentVersion, reason },
    });
    try {
      this.backend.install(info);
    } catch (e) {
      this.phase = 'error';
      this.error = `The update could not be installed: ${(e as Error).message}`;
    }
  }
}
