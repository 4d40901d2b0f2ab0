// Runs in: the reference update server (CLI `arrivals release serve`, tests, demos). Serves a
// release folder (the channel ymls and the artifacts `arrivals release publish` put there) as
// a generic electron-updater feed, on 127.0.0.1 only. Files are read at each request, so a
// publish (or a test corrupting an artifact) shows at once.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AppError } from '../platform/app-error';
import { listenOnLoopback } from '../platform/loopback';

export interface UpdateServer {
  url: string;
  port: number;
  /** Paths requested so far, in order (tests read which yml a booth asked for). */
  requested: string[];
  close(): Promise<void>;
}

export interface UpdateServerOptions {
  dir: string;
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  host?: string;
  /** 0 (default) = a random free port. */
  port?: number;
}

/** One plain file name: no folders, no dot-files, nothing outside the release folder. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ +-]*$/;

const TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.blockmap': 'application/octet-stream',
};

export async function startUpdateServer(o: UpdateServerOptions): Promise<UpdateServer> {
  const host = o.host ?? '127.0.0.1';
  if (!['127.0.0.1', '::1', 'localhost'].includes(host))
    throw new Error(`The reference update server binds a loopback address only, not ${host}.`);
  const root = path.resolve(o.dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory())
    throw new AppError('NOT_FOUND', `There is no release folder ${o.dir}: publish a release into it first.`);
  const requested: string[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requested.push(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(1));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.join(root, name);
    if (!FILE_NAME.test(name) || path.dirname(file) !== root || !isFile(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const size = fs.statSync(file).size;
    res.writeHead(200, {
      'content-type': TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  server.keepAliveTimeout = 65_000;
  return { ...(await listenOnLoopback(server, host, o.port)), requested };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
