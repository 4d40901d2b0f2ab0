// Runs in: main process (both shells).
// With no config.json the console runs a built-in demo: a reference feed on 127.0.0.1 serving
// today's synthetic manifest for San Ysidro, signed with the DEMO key, which only demo mode pins.
import { portByCode, serviceDateAt } from '../domain/ports';
import { demoPinnedKeys, demoSigningKey } from '../feed/demo-key';
import { generateFeed } from '../feed/generator/index';
import { publishFeed } from '../feed/publish';
import { startFeedServer, type FeedServer } from '../feed/server';

export const DEMO_PORT = 'SYS';

export interface DemoFeed {
  port: string;
  feedUrl: string;
  publisherKeys: Record<string, string>;
  server: FeedServer;
}

export async function startDemoFeed(opts: { perPort?: number; port?: string } = {}): Promise<DemoFeed> {
  const code = opts.port ?? process.env.ARRIVALS_DEMO_PORT ?? DEMO_PORT;
  const port = portByCode(code);
  if (!port) throw new Error(`Unknown demo port ${code}`);
  const today = serviceDateAt(port);
  const feed = await generateFeed({
    ports: [port.code],
    dates: [today],
    perPortPerDay: opts.perPort ?? Number(process.env.ARRIVALS_DEMO_SIZE ?? 1500),
  });
  const server = await startFeedServer(publishFeed(feed, demoSigningKey()), { allowFaultControl: true });
  return { port: port.code, feedUrl: server.url, publisherKeys: demoPinnedKeys(), server };
}
