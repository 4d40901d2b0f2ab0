// Runs in: Electron main process (the only file that imports electron or electron-updater).
// A thin shell over the same services as the browser shell: window hardening, ipcMain
// handlers generated from the contract, updates.
import path from 'node:path';
import { app as electronApp, BrowserWindow, ipcMain, safeStorage, session, shell, type IpcMainInvokeEvent } from 'electron';
import type { KeyProtector } from '../platform/data-key';
import { CHANNELS } from '../../ipc/contract';
import { createAppContext, type AppContext } from '../app-context';
import { createRouter } from '../ipc/router';
import { AppError } from '../platform/app-error';
import { CONTENT_SECURITY_POLICY } from './content-security';
import { startBackground, type Background } from '../background';

let appContext: AppContext | undefined;
let background: Background | undefined;
let mainWindow: BrowserWindow | undefined;

const rendererIndex = path.join(__dirname, '../renderer/index.html');

/** Only our own top frame may call IPC: not an iframe, not a navigated-away page. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === 'file:' && path.normalize(decodeURIComponent(url.pathname)).endsWith(path.normalize('renderer/index.html'));
  } catch {
    return false;
  }
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Arrivals Console',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const contents = mainWindow.webContents;
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (e) => e.preventDefault());
  const connectionId = `electron-${contents.id}`;
  mainWindow.on('closed', () => {
    const s = appContext?.sessions.end(connectionId);
    if (s) appContext?.audit.append({ actor: s.username, action: 'auth.sign_out', subject: `user:${s.username}`, details: { reason: 'window closed' } });
    mainWindow = undefined;
  });
  void mainWindow.loadFile(rendererIndex);
}

async function start(): Promise<void> {
  await electronApp.whenReady();
  try {
    // The data key is wrapped by the OS keychain (DPAPI, Keychain, libsecret) where available.
    const keyProtector: KeyProtector | undefined = safeStorage.isEncryptionAvailable()
      ? {
          name: 'os-keychain',
          protect: (key) => safeStorage.encryptString(key.toString('base64')),
          unprotect: (blob) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
        }
      : undefined;
    appContext = createAppContext({ dataDir: process.env.ARRIVALS_DATA_DIR ?? electronApp.getPath('userData'), shell: 'electron', keyProtector });
  } catch (e) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('Arrivals Console cannot start', e instanceof AppError ? e.message : String((e as Error).stack ?? e));
    electronApp.exit(1);
    return;
  }
  const ctx = appContext;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'media'));

  const router = createRouter(ctx);
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!trustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };
      return router(channel, payload, `electron-${event.sender.id}`);
    });
  }
  background = await startBackground(ctx);
  createWindow();

  if (electronApp.isPackaged) {
    // electron-updater checks the sha512 of every artifact against the signed latest.yml.
    const { autoUpdater } = await import('electron-updater');
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.on('error', (err) => console.error('[updater]', err.message));
    void autoUpdater.checkForUpdatesAndNotify();
  }
}

electronApp.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (ev) => ev.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

electronApp.on('window-all-closed', () => {
  void background?.stop().finally(() => {
    appContext?.close();
    electronApp.quit();
  });
});

void start();
