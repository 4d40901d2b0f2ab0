// Runs in: main process. The fleet: this console's heartbeat to the feed, and the admin's view
// of every booth of the port from the heartbeats the feed keeps (which booths lag behind their
// channel's newest version, which have gone silent, how far the rollout has come).
import type { FleetBoothView, FleetView } from '../../ipc/channels/update';
import type { AppContext } from '../app-context';
import { fetchFleet, postHeartbeat } from '../feed/client';
import type { FleetEntry, Heartbeat } from '../feed/heartbeat';
import { loadManifest } from '../face/model-manifest';
import { activePortCode, syncStatus } from '../sync/status';
import { compareVersions, isVersion } from './version';

/** A booth not heard from for this long is shown as silent (heartbeats come every few minutes). */
export const SILENT_AFTER_MS = 30 * 60_000;

export function boothName(app: AppContext): string {
  return app.settings.get().boothName ?? app.config?.booth ?? 'Booth 1';
}

function modelVersion(): string | null {
  try {
    return loadManifest().modelVersion;
  } catch {
    return null;
  }
}

/** What this console reports; null when it serves no port or knows no feed yet. */
export function heartbeatOf(
  app: AppContext,
  now = new Date(),
): { feedUrl: string; heartbeat: Heartbeat } | null {
  const sync = syncStatus(app, now);
  if (!sync.port || !sync.feedUrl) return null;
  const u = app.updates.status();
  return {
    feedUrl: sync.feedUrl,
    heartbeat: {
      port: sync.port.code,
      boothId: app.updates.boothId,
      booth: boothName(app),
      appVersion: app.updates.currentVersion,
      modelVersion: modelVersion(),
      channel: u.channel,
      lastSyncAt: sync.lastSuccessAt,
      pendingUploads: sync.pendingUploads,
      update: {
        phase: u.phase,
        version: u.available?.version ?? null,
        percent: u.progress ? Math.round(u.progress.percent) : null,
      },
      sentAt: now.toISOString(),
    },
  };
}

/** Sends the heartbeat; a failure is logged only (the sync's status area shows an outage). */
export async function sendHeartbeat(app: AppContext): Promise<boolean> {
  const hb = heartbeatOf(app);
  if (!hb) return false;
  try {
    await postHeartbeat(hb.feedUrl, hb.heartbeat);
    return true;
  } catch (e) {
    console.error('[fleet]', (e as Error).message);
    return false;
  }
}

const newer = (a: string, b: string) => (isVersion(a) && isVersion(b) ? compareVersions(a, b) > 0 : false);

/** Every booth of the port, each against the newest version its channel is known to have. */
export function fleetOf(
  entries: FleetEntry[],
  self: { boothId: string; offered: { version: string; channel: FleetBoothView['channel'] } | null },
  now = new Date(),
): Pick<FleetView, 'booths'> & { newest: Record<string, string> } {
  const newest: Record<string, string> = {};
  const raise = (channel: string, version: string) => {
    const cur = newest[channel];
    if (isVersion(version) && (!cur || newer(version, cur))) newest[channel] = version;
  };
  for (const e of entries) raise(e.channel, e.appVersion);
  if (self.offered) raise(self.offered.channel, self.offered.version);
  // A stable release reaches beta booths too (publish.ts): beta is behind when older than stable.
  if (newest.stable) raise('beta', newest.stable);
  const booths = entries
    .map((e) => ({
      boothId: e.boothId,
      booth: e.booth,
      appVersion: e.appVersion,
      modelVersion: e.modelVersion,
      channel: e.channel,
      lastSyncAt: e.lastSyncAt,
      pendingUploads: e.pendingUploads,
      lastSeenAt: e.receivedAt,
      updatePhase: e.update.phase,
      behind: newer(newest[e.channel] ?? e.appVersion, e.appVersion),
      silent: now.getTime() - Date.parse(e.receivedAt) > SILENT_AFTER_MS,
      self: e.boothId === self.boothId,
    }))
    .sort(
      (a, b) => a.booth.localeCompare(b.booth, 'en', { numeric: true }) || a.boothId.localeCompare(b.boothId),
    );
  return { booths, newest };
}

/** The admin's fleet table: read from the feed at each call, after this console's own heartbeat. */
export async function fleetView(app: AppContext, now = new Date()): Promise<FleetView> {
  const port = activePortCode(app);
  const feedUrl = syncStatus(app, now).feedUrl;
  const u = app.updates.status();
  const empty: FleetView = { port, error: null, rollout: null, booths: [] };
  if (!port || !feedUrl)
    return { ...empty, error: 'This console has no feed yet, so it cannot list the booths of its port.' };
  // This console's own row is as of now.
  await sendHeartbeat(app);
  let entries: FleetEntry[];
  try {
    entries = await fetchFleet(feedUrl, port);
  } catch (e) {
    return { ...empty, error: (e as Error).message };
  }
  const offered = u.available ? { version: u.available.version, channel: u.channel } : null;
  const { booths, newest } = fleetOf(entries, { boothId: app.updates.boothId, offered }, now);
  // The release offered to this console, else (it has it already) its channel's newest.
  const target = u.available?.version ?? newest[u.channel] ?? null;
  const onChannel = booths.filter((b) => b.channel === u.channel);
  return {
    port,
    error: null,
    rollout: target
      ? {
          version: target,
          channel: u.channel,
          stagingPercentage: u.available?.stagingPercentage ?? null,
          onVersion: onChannel.filter((b) => !newer(target, b.appVersion)).length,
          booths: onChannel.length,
        }
      : null,
    booths,
  };
}
