// Runs in: npm install (this package's install script). Builds the addon with node-gyp; a machine
// without a C compiler still installs: index.js then reports the addon as unavailable and face
// inference runs, only slower. Never fails the install.
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
    'fpu-mode: native build failed; face inference will work but run slower (denormals not flushed).',
  );
}
