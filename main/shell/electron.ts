// Runs in: Electron main process (the only main-process file that imports electron or
// electron-updater; the preload is the other side). A thin shell over the same services as the
// browser shell: window and navigation hardening (the renderer on app://, the camera and external
// links by policy: app-protocol.ts, electron-policy.ts), ipcMain handlers generated from the contract,
// the background work started once the first screen has been served, electron-updater under
// the update policy (main/update/).
// Sessions are keyed by webContents id: a reload keeps the same webContents (and session);
// closing the window signs out at once (no grace period needed, unlike the browser shell).
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  app as electronApp,
  BrowserWindow,
  ipcMain,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { keychainProtector } from './keychain';
import { CHANNELS } from '../../ipc/contract';
import { createAppContext, type AppContext } from '../app-context';
import { createRouter } from '../ipc/router';
import { AppError } from '../platform/app-error';
import { CONTENT_SECURITY_POLICY } from './content-security';
import { Activity, firstScreenGate, startBackground, warmFirstScreen, type Background } from '../background';
import { signOutClosedWindow } from './close-grace';
import { counterOf } from '../counter/counter-service';
import { electronUpdateBackend } from '../update/electron-backend';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appProtocolResponse,
  isRendererUrl,
  RENDERER_URL,
} from './app-protocol';
import { mayOpenExternal, mayUsePermission } from './electron-policy';
import { UPLOAD_CHANNEL } from '../../ipc/upload';
import { receiveChunk, uploadsOf } from '../sync/bundle-uploads';

let appContext: AppContext | undefined;
let background: Background | undefined;
let mainWindow: BrowserWindow | undefined;

const rendererDir = path.join(__dirname, '../renderer');

// The renderer is served from app://arrivals/ (app-protocol.ts), registered before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// The options tools/start.js passes on (the same as the browser shell's): --data-dir DIR and
// --no-background; Chromium's own switches are left alone.
const { values: options } = parseArgs({
  args: process.argv.slice(electronApp.isPackaged ? 1 : 2),
  options: { 'data-dir': { type: 'string' }, 'no-background': { type: 'boolean', default: false } },
  strict: false,
  allowPositionals: true,
});

/** Only our own top frame may call IPC: not an iframe, not a navigated-away page. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isRendererUrl(frame.url);
}

/** Every window of ours: the one preload, isolated and sandboxed, no Node. */
const webPreferences = () => ({
  preload: path.join(__dirname, '../preload/index.js'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
});

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Arrivals Console',
    show: false,
    webPreferences: webPreferences(),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // Navigation guards: see web-contents-created below (every webContents, this one included).
  const connectionId = `electron-${mainWindow.webContents.id}`;
  mainWindow.on('closed', () => {
    if (appContext) signOutClosedWindow(appContext, connectionId);
    mainWindow = undefined;
    counterWindow?.close(); // the applicant screen goes with the booth's window
  });
  void mainWindow.loadURL(RENDERER_URL);
}

let counterWindow: BrowserWindow | undefined;

/**
 * The applicant-facing screen (#/counter): full screen on a second display when there is one,
 * else a window beside the booth's. It signs in as no one; it reads its booth's screen by token.
 */
function openCounterWindow(token: string): void {
  if (counterWindow && !counterWindow.isDestroyed()) return counterWindow.focus();
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
  const area = (second ?? primary).workArea;
  counterWindow = new BrowserWindow({
    x: area.x,
    y: area.y,
    width: second ? area.width : 1024,
    height: second ? area.height : 640,
    fullscreen: second !== undefined,
    autoHideMenuBar: true,
    title: 'Arrivals Console: applicant screen',
    webPreferences: webPreferences(),
  });
  counterWindow.on('closed', () => (counterWindow = undefined));
  void counterWindow.loadURL(`${RENDERER_URL}#/counter?token=${encodeURIComponent(token)}`);
}

async function start(): Promise<void> {
  await electronApp.whenReady();
  try {
    // The data key is wrapped by the OS keychain where there is one; else the app warns on screen.
    const keyProtector = keychainProtector(safeStorage);
    const dataDir =
      typeof options['data-dir'] === 'string'
        ? options['data-dir']
        : (process.env.ARRIVALS_DATA_DIR ?? electronApp.getPath('userData'));
    appContext = createAppContext({ dataDir, shell: 'electron', keyProtector });
    if (appContext.keyStorage !== 'os-keychain')
      console.warn('[keychain] No OS keychain: the data key is kept in a file in the data folder.');
  } catch (e) {
    const { dialog } = await import('electron');
    dialog.showErrorBox(
      'Arrivals Console cannot start',
      e instanceof AppError ? e.message : String((e as Error).stack ?? e),
    );
    electronApp.exit(1);
    return;
  }
  const ctx = appContext;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // The camera for our own page only; nothing else, for no one (electron-policy.ts).
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(
      mayUsePermission(permission, details.requestingUrl, 'mediaTypes' in details ? details.mediaTypes : []),
    ),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission, origin, details) =>
    mayUsePermission(permission, origin, details.mediaType ? [details.mediaType] : []),
  );
  protocol.handle(APP_SCHEME, (req) => appProtocolResponse(req, rendererDir));

  if (electronApp.isPackaged) {
    // The update policy (main/update/) over electron-updater, before the background's first
    // check: electron-updater verifies every artifact's sha512 against the yml (and, on Windows,
    // the installer's publisher signature); it downloads and installs only when the policy says.
    const { autoUpdater } = await import('electron-updater');
    autoUpdater.on('error', (err) => console.error('[updater]', err.message));
    ctx.updates.useBackend(electronUpdateBackend(autoUpdater, () => ctx.updates.boothId));
  }

  const router = createRouter(ctx);
  // Retention, the demo feed, sync, enrolment and model loading wait until the first screen
  // has been served (or a few seconds), then give way to renderer calls; see background.ts.
  const gate = firstScreenGate();
  const activity = new Activity();
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!trustedSender(event))
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };
      const end = activity.begin(channel);
      try {
        return await router(channel, payload, `electron-${event.sender.id}`);
      } finally {
        end();
        gate.served(channel);
      }
    });
  }
  // A file's bytes the admin sends (a bundle), chunk by chunk: the same store the HTTP bridge streams into.
  const uploads = uploadsOf(ctx);
  ipcMain.handle(UPLOAD_CHANNEL, (event, uploadId: unknown, offset: unknown, bytes: unknown) =>
    trustedSender(event)
      ? receiveChunk(uploads, `electron-${event.sender.id}`, uploadId, offset, bytes)
      : { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } },
  );
  background = startBackground(ctx, {
    firstScreen: gate.reached,
    activity,
    disabled: options['no-background'] === true || process.env.ARRIVALS_NO_BACKGROUND === '1',
  });
  background.started.catch((e: unknown) =>
    console.error('[background] could not start:', (e as Error).message),
  );
  counterOf(ctx).windowOpener = openCounterWindow;
  createWindow();
  gate.requested();
  warmFirstScreen(router);
}

// The one place for navigation guards, for every webContents (the main window's included):
// no navigating or redirecting away from our own page (a reload of it, hash routes included,
// stays allowed), no new windows (an allow-listed link opens in the system browser), no <webview>.
electronApp.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (ev) => {
    if (!isRendererUrl(ev.url)) ev.preventDefault();
  });
  contents.on('will-redirect', (ev) => {
    if (!isRendererUrl(ev.url)) ev.preventDefault();
  });
  // No window of ours opens another; an allow-listed https link goes to the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (ev) => ev.preventDefault());
});

electronApp.on('window-all-closed', () => electronApp.quit());

// However the app quits (the last window, the menu, an update's quitAndInstall), the background
// services stop and the face engine finishes its running analyses before the process ends: a
// worker stopped mid-inference aborts the process. Then the quit goes on.
let servicesClosed = false;
electronApp.on('will-quit', (ev) => {
  if (servicesClosed) return;
  ev.preventDefault();
  void (background?.stop() ?? Promise.resolve())
    .finally(() => appContext?.close())
    .finally(() => {
      servicesClosed = true;
      electronApp.quit();
    });
});

void start();
