// Runs in: main process and CLI. Finds a worker thread's script: the built bundle next to the
// main bundle (which may sit in out/main or out/main/chunks), else the source tree's .cjs
// bootstrap that loads the TypeScript through tsx (tests, tools).
import fs from 'node:fs';
import path from 'node:path';

export function workerScript(builtName: string, devBootstrap: string): string | null {
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const built = path.join(dir, builtName);
    // Packaged, the bundles are also unpacked beside the asar archive (electron-builder.yml
    // asarUnpack): a worker thread loads real files from there.
    const unpacked = built.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    if (unpacked !== built && fs.existsSync(unpacked)) return unpacked;
    if (fs.existsSync(built)) return built;
  }
  // `devBootstrap` is relative to main/ (this file sits in main/platform).
  const dev = path.join(__dirname, '..', devBootstrap);
  return fs.existsSync(dev) ? dev : null;
}
