// Runs in: vitest (Node). electron-builder.yml as electron-builder itself would judge it: valid
// against its own JSON schema (app-builder-lib's scheme.json, through the validator it runs
// before every build), the three OSes' targets, every native module unpacked, every path it
// names present, the generic feed and Windows' publisher check on. `npm run dist` itself needs
// the network, so this is what can be checked here.
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { validateSchema } from 'app-builder-lib/out/util/config/schemaValidator';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { REPO } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';
import afterPack, { FUSES, type PackContext } from '../../../tools/electron-fuses';

type Config = Record<string, unknown> & {
  afterPack: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  extraResources: Array<{ from: string; to: string; filter: string[] }>;
  publish: { provider: string; url: string; channel: string };
  linux: { target: string[] };
  win: { target: string; verifyUpdateCodeSignature: boolean; signtoolOptions: { publisherName: string[] } };
  mac: { target: string[] };
};

const schema = JSON.parse(
  fs.readFileSync(path.join(REPO, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as unknown;
const config = load(fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as Config;

/** Every file under dir, relative to it, with forward slashes. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema (and the check is live)", () => {
    expect(() => validateSchema(schema, config)).not.toThrow();
    expect(() => validateSchema(schema, { ...config, asarUnpak: ['x'] })).toThrow(/asarUnpak/);
    expect(() => validateSchema(schema, { ...config, nsis: { oneClick: 'sometimes' } })).toThrow(/oneClick/);
  });

  it('builds AppImage and deb, nsis, dmg (with the zip macOS updates need); publishes a generic feed', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.publish).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    expect(config.win.signtoolOptions.publisherName.length).toBeGreaterThan(0);
    expect(config.npmRebuild).toBe(true);
  });

  it('unpacks every native module and the worker bundles from the asar archive', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const native of [
      'better-sqlite3-multiple-ciphers',
      'onnxruntime-node',
      'sharp',
      'fpu-mode',
      'jpeg-scale',
    ]) {
      expect(pkg.dependencies[native]).toBeDefined();
      const file = `/app/node_modules/${native}/build/Release/x.node`;
      expect(
        config.asarUnpack.some((p) => minimatch(file, p)),
        native,
      ).toBe(true);
    }
    expect(
      config.asarUnpack.some((p) => minimatch('/app/node_modules/@img/sharp-linux-x64/lib/x.node', p)),
    ).toBe(true);
    expect(config.asarUnpack.some((p) => minimatch('out/main/face-worker.js', p))).toBe(true);
  });

  it('names only paths that exist, and each resource filter finds what the app loads', () => {
    expect(fs.statSync(path.join(REPO, config.directories.buildResources)).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(REPO, config.directories.buildResources, 'icon.png'))).toBe(true);
    for (const r of config.extraResources) {
      const from = path.join(REPO, r.from);
      expect(fs.statSync(from).isDirectory(), r.from).toBe(true);
      const include = r.filter.filter((f) => !f.startsWith('!'));
      const exclude = r.filter.filter((f) => f.startsWith('!')).map((f) => f.slice(1));
      const picked = filesUnder(from).filter(
        (f) => include.some((p) => minimatch(f, p)) && !exclude.some((p) => minimatch(f, p)),
      );
      for (const p of include)
        expect(
          picked.some((f) => minimatch(f, p)),
          `${r.from}/${p}`,
        ).toBe(true);
    }
    const picked = (dir: string) => config.extraResources.find((r) => r.from === dir)!;
    const matches = (dir: string, f: string) =>
      picked(dir).filter.some((p) => !p.startsWith('!') && minimatch(f, p));
    // What the packaged app reads: every migration, every model file of the manifest, the demo keys.
    for (const m of fs.readdirSync(path.join(REPO, 'migrations')))
      expect(matches('migrations', m), m).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'models/manifest.json'), 'utf8')) as {
      files: Record<string, { file: string }>;
    };
    for (const { file } of Object.values(manifest.files)) expect(matches('models', file), file).toBe(true);
    expect(matches('models', 'manifest.json')).toBe(true);
    expect(matches('resources', 'demo-keys/publisher-demo-2026.pub.pem')).toBe(true);
    // The app's own files: the built bundles electron-vite writes (package.json "main").
    expect(config.files).toContain('out/**');
    const main = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { main: string })
      .main;
    expect(minimatch(main, 'out/**')).toBe(true);
  });

  it('flips the fuses in each packaged binary before signing (the afterPack hook, on a fuse wire)', async () => {
    expect(config.afterPack).toBe('./tools/electron-fuses.js');
    expect(fs.existsSync(path.join(REPO, config.afterPack))).toBe(true);
    // Every fuse @electron/fuses knows is set on purpose (a new one fails here until decided).
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(known.sort());
    // As the issue asks: no running as Node, no NODE_OPTIONS or --inspect, no V8 snapshot of the
    // browser process, no extra privileges for file:// (the renderer is on app://) …
    const off = ['RunAsNode', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments'];
    off.push('LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges');
    // … cookie encryption, the asar archive's integrity checked, the app only from the archive.
    const on = ['EnableCookieEncryption', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar'];
    const want = Object.fromEntries([...off.map((k) => [k, false]), ...on.map((k) => [k, true])]) as Record<
      string,
      boolean
    >;
    // An Electron binary's fuse wire as Electron 45 ships it: sentinel, version 1, nine fuses, all on.
    const wire = (n: number) =>
      Buffer.concat([
        Buffer.from('\x7fELF…code…'),
        Buffer.from(SENTINEL),
        Buffer.from([1, n, ...Array<number>(n).fill(FuseState.ENABLE)]),
        Buffer.from('…more code'),
      ]);
    const packager = { executableName: 'arrivals-console', appInfo: { productFilename: 'Arrivals Console' } };
    const binaries: Array<[string, string]> = [
      ['linux', 'arrivals-console'],
      ['win32', 'Arrivals Console.exe'],
      ['darwin', 'Arrivals Console.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
    ];
    for (const [platform, binary] of binaries) {
      const appOutDir = tempDir('arrivals-fuses-');
      const file = path.join(appOutDir, binary);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, wire(9));
      const context: PackContext = { appOutDir, electronPlatformName: platform, arch: 1, packager };
      await afterPack(context);
      const target = platform === 'darwin' ? path.join(appOutDir, 'Arrivals Console.app') : file;
      const after = (await getCurrentFuseWire(target)) as unknown as Record<number, number>;
      for (const [name, on] of Object.entries(want))
        expect(after[FuseV1Options[name as keyof typeof FuseV1Options]], `${platform} ${name}`).toBe(
          on ? FuseState.ENABLE : FuseState.DISABLE,
        );
      // A fuse newer than @electron/fuses keeps Electron's own default.
      expect(after[8], platform).toBe(FuseState.ENABLE);
    }
  });
});
