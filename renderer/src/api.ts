// Runs in: renderer. The only way the UI reaches main: the preload object in Electron, or
// the same contract over the loopback HTTP bridge in the browser shell.
import type { Result } from '../../ipc/channel';
import type { ArrivalsApi, ChannelName, RequestOf, ResponseOf } from '../../ipc/contract';

function httpApi(): ArrivalsApi {
  // The launch URL carries the per-launch key once; keep it for this tab and drop it from the
  // address bar so it is not left in history or screenshots. Other parameters and the hash
  // (the route, e.g. #/booth/ABC123) stay.
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('key');
  if (fromUrl) {
    sessionStorage.setItem('arrivals.key', fromUrl);
    params.delete('key');
    const rest = params.toString();
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`,
    );
  }
  const key = sessionStorage.getItem('arrivals.key') ?? '';
  // One connection (and so one session) per tab: sessionStorage survives a reload of the tab
  // but not its closing. The page id is new on every load: it lets main tell a reload's late
  // close report from a real one. The applicant-facing window (#/counter), opened from the
  // booth's, starts with a copy of its sessionStorage: it keeps a connection of its own, so it
  // neither speaks for the officer's session nor keeps it alive after the booth's window closes.
  const slot = window.location.hash.startsWith('#/counter')
    ? 'arrivals.counter-connection'
    : 'arrivals.connection';
  let connection = sessionStorage.getItem(slot);
  if (!connection) {
    connection = crypto.randomUUID();
    sessionStorage.setItem(slot, connection);
  }
  const headers = {
    'content-type': 'application/json',
    'x-arrivals-key': key,
    'x-arrivals-connection': connection,
    'x-arrivals-page': crypto.randomUUID(),
  };
  window.addEventListener('pagehide', () => {
    // Closing the window signs out, as in the Electron shell. pagehide also fires on a reload,
    // so main waits a grace period (main/shell/close-grace.ts) for this connection to call
    // again before it ends the session.
    void fetch('/api/__closed', { method: 'POST', headers, body: '{}', keepalive: true });
  });
  window.addEventListener('pageshow', (e) => {
    // Back from the back/forward cache: the same page again, so the close did not happen.
    if (e.persisted)
      void fetch('/api/__alive', { method: 'POST', headers, body: '{}' }).catch(() => undefined);
  });
  return new Proxy({} as ArrivalsApi, {
    get: (_t, channel: string) => async (request: unknown) => {
      try {
        const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(request ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'The console service is not answering. Is it still running?' },
        };
      }
    },
  });
}

export const api: ArrivalsApi = window.arrivals ?? httpApi();

/** Calls a channel and throws the envelope's error, for code paths that show errors inline. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const fn = api[channel] as (r: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  const res = await fn(request);
  if (!res.ok)
    throw Object.assign(new Error(res.error.message), { code: res.error.code, details: res.error.details });
  return res.value;
}
