// Runs in: main process, CLI and tests (the reference feed and update servers). A reference
// server's socket on a loopback address (a free port unless told), its URL, and a close that
// also drops idle keep-alive connections.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listenOnLoopback(server: http.Server, host: string, port = 0): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host === 'localhost' ? '127.0.0.1' : host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: host === '::1' ? `http://[::1]:${bound}/` : `http://127.0.0.1:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
