// Runs in: main process.
// What the console is (app.info) and the site settings an admin changes.
import type { appChannels } from '../../ipc/channels/app';
import type { settingsChannels } from '../../ipc/channels/settings';
import { actor, type DomainHandlers } from '../ipc/domain-handlers';
import { activePort } from '../sync/status';
import { inspectPublisherKey, siteView, updateSettings, updateSite } from './settings-service';

const portView = (p: ReturnType<typeof activePort>) =>
  p ? { code: p.code, name: p.name, timeZone: p.timeZone } : null;

export const appHandlers: DomainHandlers<typeof appChannels> = {
  'app.info': (_req, { app }) => ({
    name: 'Arrivals Console',
    version: app.version,
    shell: app.shell === 'electron' ? 'electron' : 'browser',
    mode: app.mode,
    needsSetup: app.accounts.needsSetup(),
    keyStorage: app.keyStorage,
    port: portView(activePort(app)),
  }),
};

export const settingsHandlers: DomainHandlers<typeof settingsChannels> = {
  'settings.get': (_req, { app }) => app.settings.get(),

  // The change and its audit entry land together or not at all.
  'settings.update': (req, ctx) => updateSettings(ctx.app, actor(ctx), req),

  'settings.site': (_req, { app }) => siteView(app),

  'settings.updateSite': (req, ctx) => updateSite(ctx.app, actor(ctx), req),

  'settings.inspectKey': (req) => inspectPublisherKey(req.pem),
};
