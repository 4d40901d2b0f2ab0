// Runs in: main process and CLI.
// Wires the services over one database. Both shells and the CLI build exactly this.
import fs from 'node:fs';
import path from 'node:path';
import { AuditLog } from './audit/audit-log';
import { AccountService } from './auth/account-service';
import { SessionStore } from './auth/session-store';
import { SignInThrottle } from './auth/sign-in-throttle';
import { openDatabase, type Db } from './db/database';
import { loadSiteConfig, type SiteConfig } from './platform/config';
import { resolveDataDir } from './platform/paths';
import { SettingsRepository } from './platform/settings';
import {
  fileKeyProtector,
  keyStorageOf,
  loadDataKey,
  type KeyProtector,
  type KeyStorage,
} from './platform/data-key';
import { PhotoStore } from './sync/photo-store';
import type { SyncController } from './sync/sync-controller';
import { FaceService } from './face/face-service';
import { FlagService } from './flags/flag-service';
import { CaseActivity } from './update/case-activity';
import type { UpdateService } from './update/update-service';
import { createUpdateService } from './update/updates';

export interface AppContext {
  dataDir: string;
  db: Db;
  config: SiteConfig | null;
  mode: 'demo' | 'configured';
  shell: 'electron' | 'browser' | 'cli';
  version: string;
  /** Where the data key (and so the database's) is kept: a key file is shown as a warning. */
  keyStorage: KeyStorage;
  audit: AuditLog;
  accounts: AccountService;
  settings: SettingsRepository;
  sessions: SessionStore;
  /** Sign-in attempts per connection and for the whole console (in memory, like sessions). */
  signInThrottle: SignInThrottle;
  photos: PhotoStore;
  face: FaceService;
  flags: FlagService;
  /** Who is mid-case or verifying right now: updates wait for them. */
  cases: CaseActivity;
  /** Software updates (the policy; the shells start its loop). */
  updates: UpdateService;
  /** Set by the background services when a feed (configured or demo) is available. */
  sync?: SyncController;
  /** Set in demo mode (no config.json); feedUrl is null until the built-in feed serves. */
  demo?: { port: string; feedUrl: string | null; publisherKeys: Record<string, string> };
  /** Stops the face engine (its running analyses finish first), then closes the database. */
  close(): Promise<void>;
}

/** How a CLI command group gets an app context: opened for the command, closed after it. */
export type WithApp = <T>(fn: (app: AppContext) => Promise<T> | T) => Promise<T>;

export function appVersion(): string {
  // From source (main/), the bundles (out/main/, or out/main/chunks/ for shared code) or a
  // packaged app (resources/app.asar/out/main/…): the nearest package.json that is ours.
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const p = path.join(dir, 'package.json');
    if (fs.existsSync(p)) {
      const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'arrivals-console') return pkg.version;
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

export function createAppContext(opts: {
  dataDir?: string;
  shell: AppContext['shell'];
  keyProtector?: KeyProtector;
}): AppContext {
  const dataDir = resolveDataDir(opts.dataDir);
  const version = appVersion();
  const keyProtector = opts.keyProtector ?? fileKeyProtector;
  const db = openDatabase(dataDir, { appVersion: version, keyProtector });
  let config: SiteConfig | null;
  try {
    config = loadSiteConfig(dataDir);
  } catch (e) {
    db.close();
    throw e;
  }
  // For the photos and the audit chain's key alike (the database's was derived from it on open).
  const dataKey = () => loadDataKey(dataDir, keyProtector);
  const audit = new AuditLog(db, undefined, dataKey);
  const settings = new SettingsRepository(db);
  const accounts = new AccountService(db, audit);
  const ctx: AppContext = {
    dataDir,
    db,
    config,
    mode: config ? 'configured' : 'demo',
    shell: opts.shell,
    version,
    keyStorage: keyStorageOf(keyProtector),
    audit,
    accounts,
    settings,
    // Each call compares the session's account epoch with the database's: a change made by any
    // process (the CLI's `user disable`) ends the session.
    sessions: new SessionStore(
      () => settings.get().idleLockMinutes * 60_000,
      Date.now,
      (userId) => accounts.users.epochOf(userId),
    ),
    signInThrottle: new SignInThrottle(),
    photos: new PhotoStore(db, dataDir, dataKey),
    face: undefined as unknown as FaceService,
    flags: undefined as unknown as FlagService,
    cases: new CaseActivity(),
    updates: undefined as unknown as UpdateService,
    close: async () => {
      // The engine first: a worker stopped mid-inference aborts the process, and a result that
      // arrives after the database closed would be lost.
      await ctx.face.close();
      db.close();
    },
  };
  ctx.face = new FaceService(ctx);
  ctx.flags = new FlagService(ctx);
  ctx.updates = createUpdateService(ctx);
  // A session that ends closes its case, and may be the moment a downloaded update waits for.
  ctx.sessions.onEnd((connectionId, s, why) => {
    if (why === 'account-changed')
      audit.append({ actor: s.username, action: 'auth.session_revoked', subject: `user:${s.username}` });
    ctx.cases.connectionEnded(connectionId);
    ctx.updates.signedOut();
  });
  return ctx;
}
