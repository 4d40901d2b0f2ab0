// Runs in: tooling (electron-builder's afterPack hook, plain Node; electron-builder.yml names it).
// Electron's fuses, flipped in the packaged binary before it is signed: options baked into the
// executable that no command line or environment can turn back on. Off: running as plain Node
// (ELECTRON_RUN_AS_NODE), NODE_OPTIONS, --inspect and friends, a browser-process V8 snapshot,
// file:// pages' extra privileges (the renderer is served from app://); on: cookie encryption,
// the asar archive's integrity checked against the hash embedded at packaging, and the app loaded
// from app.asar only. tests/unit/tooling/electron-builder.test.ts flips a binary's fuse wire with
// this hook and reads it back.
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Every fuse @electron/fuses knows, each set explicitly (an Electron newer than it keeps its own defaults for the rest). */
const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

/** builder-util's Arch values that produce an arm64 macOS slice (arm64 = 3, universal = 4). */
const ARM64_ARCHES = new Set([3, 4]);

/** The @electron/fuses configuration for one packaged platform and arch. */
function fuseConfig(platform, arch) {
  const config = {
    version: FuseVersion.V1,
    // Flipping a fuse breaks an arm64 Mac binary's ad-hoc signature; electron-builder signs after.
    resetAdHocDarwinSignature: (platform === 'darwin' || platform === 'mas') && ARM64_ARCHES.has(arch),
  };
  for (const [name, value] of Object.entries(FUSES)) config[FuseV1Options[name]] = value;
  return config;
}

/** The packaged Electron binary (the .app bundle on macOS), as electron-builder itself names it. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux')
    return path.join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
  const ext = { darwin: '.app', mas: '.app', win32: '.exe' }[electronPlatformName];
  if (ext === undefined) throw new Error(`electron-fuses: unknown platform ${electronPlatformName}`);
  return path.join(appOutDir, `${packager.appInfo.productFilename}${ext}`);
}

async function afterPack(context) {
  await flipFuses(electronBinary(context), fuseConfig(context.electronPlatformName, context.arch));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinary = electronBinary;
