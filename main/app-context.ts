// Runs in: main process and CLI.
// Wires the services over one database. Both shells and the CLI build exactly this.
import fs from 'node:fs';
import path from 'node:path';
import { AuditLog } from './audit/audit-log';
import { AccountService } from './auth/account-service';
import { SessionStore } from './auth/session-store';
import { openDatabase, type Db } from './db/database';
import { loadSiteConfig, type SiteConfig } from './platform/config';
import { resolveDataDir } from './platform/paths';
import { SettingsRepository } from './platform/settings';
import { fileKeyProtector, loadDataKey, type KeyProtector } from './platform/data-key';
import { PhotoStore } from './sync/photo-store';
import type { SyncController } from './sync/sync-controller';
import { FaceService } from './face/face-service';
import { FlagService } from './flags/flag-service';

export interface AppContext {
  dataDir: string;
  db: Db;
  config: SiteConfig | null;
  mode: 'demo' | 'configured';
  shell: 'electron' | 'browser' | 'cli';
  version: string;
  audit: AuditLog;
  accounts: AccountService;
  settings: SettingsRepository;
  sessions: SessionStore;
  photos: PhotoStore;
  face: FaceService;
  flags: FlagService;
  /** Set by the background services when a feed (configured or demo) is available. */
  sync?: SyncController;
  /** Set while the built-in demo feed runs (no config.json). */
  demo?: { port: string; feedUrl: string; publisherKeys: Record<string, string> };
  close(): void;
}

/** How a CLI command group gets an app context: opened for the command, closed after it. */
export type WithApp = <T>(fn: (app: AppContext) => Promise<T> | T) => Promise<T>;

export function appVersion(): string {
  for (const p of [path.join(__dirname, '../../package.json'), path.join(__dirname, '../package.json')]) {
    if (fs.existsSync(p)) return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

export function createAppContext(opts: {
  dataDir?: string;
  shell: AppContext['shell'];
  keyProtector?: KeyProtector;
}): AppContext {
  const dataDir = resolveDataDir(opts.dataDir);
  const db = openDatabase(dataDir);
  let config: SiteConfig | null;
  try {
    config = loadSiteConfig(dataDir);
  } catch (e) {
    db.close();
    throw e;
  }
  const audit = new AuditLog(db);
  const settings = new SettingsRepository(db);
  const ctx: AppContext = {
    dataDir,
    db,
    config,
    mode: config ? 'configured' : 'demo',
    shell: opts.shell,
    version: appVersion(),
    audit,
    accounts: new AccountService(db, audit),
    settings,
    sessions: new SessionStore(() => settings.get().idleLockMinutes * 60_000),
    photos: new PhotoStore(db, dataDir, () => loadDataKey(dataDir, opts.keyProtector ?? fileKeyProtector)),
    face: undefined as unknown as FaceService,
    flags: undefined as unknown as FlagService,
    close: () => {
      void ctx.face.close();
      db.close();
    },
  };
  ctx.face = new FaceService(ctx);
  ctx.flags = new FlagService(ctx);
  return ctx;
}
