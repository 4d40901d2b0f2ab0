// Runs in: renderer. The only way the UI reaches main: the preload object in Electron, or
// the same contract over the loopback HTTP bridge in the browser shell.
import type { Result } from '../../ipc/channel';
import type { ArrivalsApi, ChannelName, RequestOf, ResponseOf } from '../../ipc/contract';

function httpApi(): ArrivalsApi {
  // The launch URL carries the per-launch key once; keep it for this tab and drop it from the
  // address bar so it is not left in history or screenshots.
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('key');
  if (fromUrl) {
    sessionStorage.setItem('arrivals.key', fromUrl);
    window.history.replaceState(null, '', window.location.pathname);
  }
  const key = sessionStorage.getItem('arrivals.key') ?? '';
  let connection = sessionStorage.getItem('arrivals.connection');
  if (!connection) {
    connection = crypto.randomUUID();
    sessionStorage.setItem('arrivals.connection', connection);
  }
  const headers = { 'content-type': 'application/json', 'x-arrivals-key': key, 'x-arrivals-connection': connection };
  window.addEventListener('pagehide', () => {
    // Closing the window signs out, as in the Electron shell.
    void fetch('/api/__closed', { method: 'POST', headers, body: '{}', keepalive: true });
  });
  return new Proxy({} as ArrivalsApi, {
    get: (_t, channel: string) => async (request: unknown) => {
      try {
        const res = await fetch(`/api/${encodeURIComponent(channel)}`, { method: 'POST', headers, body: JSON.stringify(request ?? {}) });
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'The console service is not answering. Is it still running?' } };
      }
    },
  });
}

export const api: ArrivalsApi = window.arrivals ?? httpApi();

/** Calls a channel and throws the envelope's error, for code paths that show errors inline. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const fn = api[channel] as (r: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  const res = await fn(request);
  if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
  return res.value;
}
