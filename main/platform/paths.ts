// Runs in: main process and CLI (plain Node; never imports electron).
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

export const APP_DIR_NAME = 'Arrivals Console';

/**
 * Where this install keeps its database, config and photos. Order: explicit argument
 * (--data-dir), ARRIVALS_DATA_DIR, then the OS convention (same place Electron's userData uses).
 */
export function resolveDataDir(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  if (process.env.ARRIVALS_DATA_DIR) return path.resolve(process.env.ARRIVALS_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
  }
}

/** Repo root in dev/tests, or the folder holding app resources when packaged. */
export function appRoot(): string {
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath && fs.existsSync(path.join(resourcesPath, 'migrations'))) return resourcesPath;
  // Walk up from this file (source: main/platform, bundle: out/main) to the folder with migrations/.
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'migrations')) && fs.existsSync(path.join(dir, 'package.json')))
      return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export function migrationsDir(): string {
  return process.env.ARRIVALS_MIGRATIONS_DIR ?? path.join(appRoot(), 'migrations');
}

export function resourcesDir(): string {
  return path.join(appRoot(), 'resources');
}
