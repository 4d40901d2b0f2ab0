// Runs in: main process, CLI, tests. The small interface the update policy runs
// over: electron-updater in the Electron shell (electron-backend.ts), plain HTTP in Node
// (node-backend.ts: the browser shell and the tests), so the policy is the same in both.
import type { UpdateChannel, UpdateInfo } from './update-feed';

export interface UpdateProgress {
  transferred: number;
  total: number;
  /** 0–100 */
  percent: number;
}

export interface UpdateFeedConfig {
  /** The generic feed's base URL; null: the one the build was made with (Electron only). */
  url: string | null;
  channel: UpdateChannel;
}

export interface UpdateBackend {
  readonly kind: 'electron' | 'node';
  /** Whether it can check without a URL from settings (a packaged build knows its own). */
  readonly hasBuiltInFeed: boolean;
  /** The channel's newest release for this platform; null when the feed publishes none. */
  latest(feed: UpdateFeedConfig): Promise<UpdateInfo | null>;
  /**
   * Downloads the release latest() returned, reporting progress. Rejects, keeping nothing,
   * when the artifact's sha512 (or size) differs from the feed's.
   */
  download(info: UpdateInfo, onProgress: (p: UpdateProgress) => void): Promise<void>;
  /** Installs the downloaded release: Electron quits and runs the installer. */
  install(info: UpdateInfo): void;
}

/** A download refused because the artifact is not the one the feed describes. */
export class ArtifactRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactRefused';
  }
}
