// Runs in: main process (the Electron shell, main/shell/electron.ts, the only file importing
// electron-updater, hands it the autoUpdater; this file only describes the part it uses) and
// tests. The update backend over electron-updater: the generic provider at the server from
// settings (else the one the build was made with), the channel, no automatic download or
// install, and the same rollout decision as the policy. electron-updater checks each
// artifact's sha512 against the yml itself, and on Windows the installer's publisher signature
// (verifyUpdateCodeSignature, against win.signtoolOptions.publisherName in
// electron-builder.yml); both refusals come back here as ArtifactRefused.
import { ArtifactRefused, type UpdateBackend, type UpdateProgress } from './backend';
import { inStage } from './rollout';
import { channelName, UpdateInfo } from './update-feed';

/** The members of electron-updater's AppUpdater this backend uses. */
export interface ElectronUpdater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  /** Only ever set here (to a function of the release's stagingPercentage). */
  isUserWithinRollout: (info: never) => boolean | Promise<boolean>;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string | null }): void;
  checkForUpdates(): Promise<{ updateInfo: unknown } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (info: UpdateProgress) => void): unknown;
}

const REFUSALS = new Set(['ERR_CHECKSUM_MISMATCH', 'ERR_UPDATER_INVALID_SIGNATURE']);

export function electronUpdateBackend(updater: ElectronUpdater, boothId: () => string): UpdateBackend {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  // electron-updater's own check then agrees with the policy's (rollout.ts), booth by booth.
  updater.isUserWithinRollout = (info: { stagingPercentage?: number }) =>
    inStage(boothId(), info.stagingPercentage);
  let progress: ((p: UpdateProgress) => void) | null = null;
  updater.on('download-progress', (p) => progress?.(p));
  return {
    kind: 'electron',
    hasBuiltInFeed: true,
    async latest(feed) {
      const channel = channelName(feed.channel);
      if (feed.url) updater.setFeedURL({ provider: 'generic', url: feed.url, channel });
      updater.channel = channel;
      // Setting a channel allows downgrades; an older app would refuse the newer database.
      updater.allowDowngrade = false;
      const result = await updater.checkForUpdates();
      return result ? UpdateInfo.parse(result.updateInfo) : null;
    },
    async download(info, onProgress) {
      progress = onProgress;
      try {
        await updater.downloadUpdate();
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code && REFUSALS.has(code))
          throw new ArtifactRefused(
            `The downloaded update ${info.version} was refused: ${code === 'ERR_CHECKSUM_MISMATCH' ? 'it does not match the checksum its release published (sha512)' : 'it is not signed by the publisher'}. It will not be installed.`,
          );
        throw e;
      } finally {
        progress = null;
      }
    },
    install() {
      // Silent, and the console starts again on the new version.
      updater.quitAndInstall(true, true);
    },
  };
}
