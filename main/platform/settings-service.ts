// Runs in: main process and CLI. The settings service: what an admin changes, checked beyond
// the contract's ranges, audited with what changed, and in force at once where the app reads it
// on each use (idle lock, retention at the next purge, booth name, face bands, updates). The
// site's connection (port, feed URL, pinned publisher keys) lives in config.json and is read at
// start, so a change to it takes effect from the next start, and the view says so.
import { createHash, createPublicKey } from 'node:crypto';
import type {
  PublisherKeyView,
  SettingsPatch,
  SettingsView,
  SiteConnectionView,
  SiteView,
} from '../../ipc/channels/settings';
import type { AppContext } from '../app-context';
import { PORTS, portByCode } from '../domain/ports';
import { loadManifest } from '../face/model-manifest';
import { AppError } from './app-error';
import { loadSiteConfig, saveSiteConfig, type SiteConfig } from './config';
import { checkVettingWindow } from '../sync/vetting-window';

export const DEFAULT_BOOTH = 'Booth 1';

/** The booth name on each encounter: the setting, else config.json's, else the default. */
export function effectiveBooth(app: AppContext): string {
  return app.settings.get().boothName ?? app.config?.booth ?? DEFAULT_BOOTH;
}

/** The model version the face engine loads (read from the models' manifest, no worker started). */
export function currentModelVersion(): string {
  return loadManifest().modelVersion;
}

/** An admin's thresholds for this model version, if they set any (else the calibration's hold). */
export function faceBandsFor(
  app: AppContext,
  modelVersion: string,
): { match: number; inconclusive: number; source: string } | null {
  const b = app.settings.get().faceBands;
  if (!b || b.modelVersion !== modelVersion) return null;
  return {
    match: b.match,
    inconclusive: b.inconclusive,
    source: `set by an administrator for model ${modelVersion}`,
  };
}

function invalid(message: string): AppError {
  return new AppError('INVALID_REQUEST', message);
}

/** Checks what the contract cannot (one field against another, against the model in use). */
function check(patch: SettingsPatch): void {
  if (patch.vettingWindow) checkVettingWindow(patch.vettingWindow);
  const b = patch.faceBands;
  if (b) {
    if (b.inconclusive >= b.match)
      throw invalid(
        `The INCONCLUSIVE threshold (${b.inconclusive}) must be below the MATCH threshold (${b.match}).`,
      );
    const current = currentModelVersion();
    if (b.modelVersion !== current)
      throw invalid(
        `These thresholds were set for model ${b.modelVersion}, but this console runs ${current}. Reload the page and set them again.`,
      );
  }
}

/** Stores a change and audits what it changed (before and after of those settings only). */
export function updateSettings(app: AppContext, actor: string, patch: SettingsPatch): SettingsView {
  check(patch);
  return app.db.transaction(() => {
    const before = app.settings.get();
    const after = app.settings.update(patch);
    const changed = (Object.keys(patch) as (keyof SettingsView)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length)
      app.audit.append({
        actor,
        action: 'settings.update',
        subject: 'settings',
        details: {
          changed,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
      });
    return after;
  })();
}

/** A pasted publisher key: an Ed25519 public key in PEM form, and its fingerprint. */
export function inspectPublisherKey(pem: string, keyId?: string): { fingerprint: string } {
  // Named by the key when there are several ("Key "x": this is …"), else a sentence of its own.
  const refuse = (message: string) =>
    invalid(keyId ? `Key "${keyId}": ${message.charAt(0).toLowerCase()}${message.slice(1)}` : message);
  if (/PRIVATE KEY/.test(pem))
    throw refuse(
      'This is a private key. Never paste it into a console; ask the publisher for the public key.',
    );
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    throw refuse(
      'This is not a public key in PEM form. Paste the whole key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw refuse(
      `This is an ${(key.asymmetricKeyType ?? 'unknown').toUpperCase()} key, not Ed25519; the feed is signed with Ed25519 keys. Ask the publisher for theirs.`,
    );
  const digest = createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
  return { fingerprint: digest.match(/.{4}/g)!.join(' ') };
}

function connection(c: {
  port: string;
  feedUrl: string;
  publisherKeys: Record<string, string>;
}): SiteConnectionView {
  const keys: PublisherKeyView[] = Object.entries(c.publisherKeys).map(([keyId, pem]) => {
    let fingerprint = '(not a usable key)';
    try {
      fingerprint = inspectPublisherKey(pem).fingerprint;
    } catch {
      // Shown as unusable: the feed refuses what it signs, and the admin can replace it here.
    }
    return { keyId, pem, fingerprint };
  });
  return { port: c.port, feedUrl: c.feedUrl, publisherKeys: keys };
}

function savedConfig(app: AppContext): SiteConfig | null {
  try {
    return loadSiteConfig(app.dataDir);
  } catch {
    return null;
  }
}

export function siteView(app: AppContext): SiteView {
  const demoUrl = app.demo?.feedUrl;
  const running = app.config ?? (app.demo && demoUrl ? { ...app.demo, feedUrl: demoUrl } : null);
  const inForce = running ? connection(running) : null;
  const file = savedConfig(app);
  const saved = file ? connection(file) : null;
  const same = (a: SiteConnectionView | null, b: SiteConnectionView | null) =>
    JSON.stringify(a && { ...a, publisherKeys: a.publisherKeys.map((k) => k.fingerprint) }) ===
    JSON.stringify(b && { ...b, publisherKeys: b.publisherKeys.map((k) => k.fingerprint) });
  return {
    mode: app.mode,
    inForce,
    saved,
    // In demo mode nothing is saved until an admin saves a connection; then the next start uses it.
    restartRequired: saved !== null && !same(app.config ? inForce : null, saved),
    boothName: effectiveBooth(app),
    ports: PORTS.map((p) => ({ code: p.code, name: p.name })),
  };
}

/** Writes the connection to config.json (from the next start), audited with the keys' fingerprints. */
export function updateSite(
  app: AppContext,
  actor: string,
  req: { port: string; feedUrl: string; publisherKeys: { keyId: string; pem: string }[] },
): SiteView {
  if (!portByCode(req.port)) throw invalid(`Port ${req.port} is not one this console knows.`);
  const ids = req.publisherKeys.map((k) => k.keyId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw invalid(`Two keys are named "${twice}". Give each key its own name.`);
  const fingerprints = req.publisherKeys.map((k) => ({
    keyId: k.keyId,
    fingerprint: inspectPublisherKey(k.pem, k.keyId).fingerprint,
  }));
  const before = savedConfig(app);
  const next: SiteConfig = {
    port: req.port,
    feedUrl: req.feedUrl,
    publisherKeys: Object.fromEntries(req.publisherKeys.map((k) => [k.keyId, `${k.pem.trim()}\n`])),
    booth: before?.booth ?? app.config?.booth ?? DEFAULT_BOOTH,
  };
  // The audit entry commits only if the file was written.
  app.db.transaction(() => {
    app.audit.append({
      actor,
      action: 'settings.site_update',
      subject: 'config.json',
      details: {
        before: before
          ? { port: before.port, feedUrl: before.feedUrl, keys: Object.keys(before.publisherKeys) }
          : null,
        after: { port: next.port, feedUrl: next.feedUrl, keys: fingerprints },
      },
    });
    saveSiteConfig(app.dataDir, next);
  })();
  return siteView(app);
}
