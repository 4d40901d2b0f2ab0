// Runs in: npm install (this package's install script). Builds the addon with node-gyp against a
// static libjpeg-turbo (Debian: apt install libturbojpeg0-dev; elsewhere TURBOJPEG_ROOT names an
// install of libjpeg-turbo's official build). Without it the install still succeeds: index.js then
// reports the addon as unavailable and pictures are decoded by sharp, only slower. Never fails.
'use strict';
const { spawnSync } = require('node:child_process');

const gyp = process.env.npm_config_node_gyp;
const cmd = gyp ? [process.execPath, [gyp, 'rebuild']] : ['node-gyp', ['rebuild']];
const r = spawnSync(cmd[0], cmd[1], {
  cwd: __dirname,
  stdio: 'inherit',
  shell: !gyp && process.platform === 'win32',
});
if (r.status !== 0) {
  console.warn(
    'jpeg-scale: native build failed (is libturbojpeg0-dev installed?); large JPEGs will be decoded by sharp, only slower.',
  );
}
