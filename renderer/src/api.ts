// Runs in: renderer. The only way the UI reaches main: the preload object in Electron, or
// the same contract over the loopback HTTP bridge in the browser shell.
import type { Result } from '../../ipc/channel';
import type { ArrivalsApi, ChannelName, RequestOf, ResponseOf } from '../../ipc/contract';

/** The browser shell's call headers (launch key, connection, page), once httpApi() has set them up. */
let bridgeHeaders: Record<string, string> | null = null;

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
  bridgeHeaders = headers;
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

/** An envelope's value, or its error thrown (message, code and details as main said them). */
function valueOf<T>(res: Result<T>): T {
  if (!res.ok)
    throw Object.assign(new Error(res.error.message), { code: res.error.code, details: res.error.details });
  return res.value;
}

/** Calls a channel and throws the envelope's error, for code paths that show errors inline. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const fn = api[channel] as (r: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  return valueOf(await fn(request));
}

/** Bytes per chunk through the Electron preload (main accepts up to 8 MiB). */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/**
 * Sends the bytes of a file the user picked or dropped, for an upload announced with
 * `bundle.upload`: in Electron through the preload, chunk by chunk (read from the file as they
 * go, never all at once); in the browser shell as one streamed POST to the bridge. Never a path.
 * `onProgress` hears the bytes main has received so far.
 */
export async function sendFile(uploadId: string, file: Blob, onProgress?: (received: number) => void) {
  const bridge = window.arrivalsUpload;
  if (bridge) {
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      const bytes = await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer();
      const { received } = valueOf(await bridge.chunk(uploadId, offset, bytes));
      onProgress?.(received);
    }
    return;
  }
  // XMLHttpRequest, not fetch: only it reports an upload's progress. The browser reads the file
  // from disk as it sends it.
  const res = await new Promise<Result<{ received: number }>>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/upload/${encodeURIComponent(uploadId)}`);
    for (const [k, v] of Object.entries({ ...bridgeHeaders, 'content-type': 'application/octet-stream' }))
      xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded);
    const failed = (message: string): Result<{ received: number }> => ({
      ok: false,
      error: { code: 'INTERNAL', message },
    });
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<{ received: number }>);
      } catch {
        resolve(failed(`The console answered ${xhr.status} to the file.`));
      }
    };
    xhr.onerror = () => resolve(failed('The file could not be sent: the console service is not answering.'));
    xhr.send(file);
  });
  const { received } = valueOf(res);
  onProgress?.(received);
}
