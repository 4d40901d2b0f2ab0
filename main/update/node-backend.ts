// Runs in: main process (browser shell), tests. The update backend in plain Node: reads the
// channel's yml from the generic feed over HTTP and downloads the artifact into the data
// folder, checking its size and sha512 against the yml as electron-updater does; a mismatch
// deletes the file and refuses it. Installing is the shell's business (`onInstall`): the
// browser shell has no installer to run, so it hands the verified file over.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ArtifactRefused, type UpdateBackend, type UpdateFeedConfig, type UpdateProgress } from './backend';
import {
  channelFile,
  parseUpdateInfo,
  platformOf,
  type UpdateInfo,
  type UpdatePlatform,
} from './update-feed';

export interface NodeBackendOptions {
  /** Where downloads go (the data folder's updates/). */
  cacheDir: string;
  platform?: UpdatePlatform;
  arch?: string;
  /** Called with the verified artifact when the policy decides to install. */
  onInstall?: (file: string, info: UpdateInfo) => void;
}

/** A yml is a few hundred bytes; anything near this is not one. */
const MAX_YML_BYTES = 1024 * 1024;
const YML_DEADLINE_MS = 30_000;

const EXTENSIONS: Record<UpdatePlatform, string[]> = {
  win: ['.exe'],
  linux: ['.appimage', '.deb'],
  mac: ['.zip', '.dmg'],
};

function resolve(base: string, ref: string): URL {
  const url = new URL(ref, base.endsWith('/') ? base : `${base}/`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`The update feed names ${ref}, which is not an HTTP address.`);
  return url;
}

function unreachable(what: string, e: unknown): Error {
  const cause = (e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
  return new Error(
    `The update server could not be reached for ${what} (${cause}). The console will try again.`,
  );
}

export class NodeUpdateBackend implements UpdateBackend {
  readonly kind = 'node' as const;
  readonly hasBuiltInFeed = false;
  private feedUrl: string | null = null;
  private downloaded: string | null = null;

  constructor(private readonly o: NodeBackendOptions) {}

  private get platform(): UpdatePlatform {
    return this.o.platform ?? platformOf();
  }

  async latest(feed: UpdateFeedConfig): Promise<UpdateInfo | null> {
    if (!feed.url) throw new Error('No update server is set: an admin sets its address in Site settings.');
    this.feedUrl = feed.url;
    const name = channelFile(feed.channel, this.platform, this.o.arch ?? process.arch);
    let res: Response;
    try {
      res = await fetch(resolve(feed.url, name), { signal: AbortSignal.timeout(YML_DEADLINE_MS) });
    } catch (e) {
      throw unreachable(name, e);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(
        `The update server answered ${res.status} ${res.statusText} for ${name}. The console will try again.`,
      );
    }
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > MAX_YML_BYTES) throw new Error(`The update server's ${name} is too large to be one.`);
    return parseUpdateInfo(body.toString('utf8'), name);
  }

  /** The artifact for this platform: the first file with one of its extensions, else the first. */
  private pick(info: UpdateInfo) {
    const exts = EXTENSIONS[this.platform];
    return info.files.find((f) => exts.some((x) => f.url.toLowerCase().endsWith(x))) ?? info.files[0]!;
  }

  async download(info: UpdateInfo, onProgress: (p: UpdateProgress) => void): Promise<void> {
    if (!this.feedUrl) throw new Error('Check for an update before downloading one.');
    const file = this.pick(info);
    const url = resolve(this.feedUrl, file.url);
    const name =
      path.basename(decodeURIComponent(url.pathname)).replace(/[^A-Za-z0-9._ +-]/g, '_') || 'update';
    fs.mkdirSync(this.o.cacheDir, { recursive: true });
    const target = path.join(this.o.cacheDir, name);
    const partial = `${target}.partial`;
    let res: Response;
    try {
      res = await fetch(url);
    } catch (e) {
      throw unreachable(`version ${info.version}`, e);
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new Error(
        `The update server answered ${res.status} ${res.statusText} for ${name}. The console will try again.`,
      );
    }
    const total = file.size ?? (Number(res.headers.get('content-length')) || 0);
    const hash = createHash('sha512');
    const out = fs.createWriteStream(partial);
    let transferred = 0;
    try {
      for await (const chunk of res.body) {
        transferred += chunk.length;
        // Longer than the yml says: not the artifact it describes; stop reading at once.
        if (file.size !== undefined && transferred > file.size) break;
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        onProgress({ transferred, total, percent: total ? Math.min(100, (transferred / total) * 100) : 0 });
      }
    } catch (e) {
      out.destroy();
      fs.rmSync(partial, { force: true });
      throw unreachable(`version ${info.version}`, e);
    }
    await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
    const sha512 = hash.digest('base64');
    if ((file.size !== undefined && transferred !== file.size) || sha512 !== file.sha512) {
      fs.rmSync(partial, { force: true });
      throw new ArtifactRefused(
        `The downloaded update ${info.version} (${name}) does not match the checksum its release published ` +
          '(sha512): it may be damaged or substituted. It was deleted and will not be installed.',
      );
    }
    fs.renameSync(partial, target);
    // Only the newest verified download is kept.
    for (const f of fs.readdirSync(this.o.cacheDir))
      if (f !== name) fs.rmSync(path.join(this.o.cacheDir, f), { force: true });
    this.downloaded = target;
  }

  install(info: UpdateInfo): void {
    if (!this.downloaded) throw new Error('Nothing has been downloaded to install.');
    this.o.onInstall?.(this.downloaded, info);
  }
}
