// Runs in: node-gyp (binding.gyp's variables), at `npm install` and when Electron's rebuild runs.
// Where libjpeg-turbo is: `include` prints its include folder, `libs` what to link. Linux asks
// pkg-config (Debian: libturbojpeg0-dev); elsewhere TURBOJPEG_ROOT names an install of
// libjpeg-turbo's official build. Found nowhere (or JPEG_SCALE_WITHOUT_TURBOJPEG=1): both print
// nothing, the addon is built without it and says so, and sharp decodes every picture, so that a
// build host without the library still builds (and packages) the app.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function find() {
  if (process.env.JPEG_SCALE_WITHOUT_TURBOJPEG === '1') return null;
  const root = process.env.TURBOJPEG_ROOT;
  if (root) {
    const lib = path.join(
      root,
      'lib',
      process.platform === 'win32' ? 'turbojpeg-static.lib' : 'libturbojpeg.a',
    );
    const include = path.join(root, 'include');
    return fs.existsSync(lib) && fs.existsSync(path.join(include, 'turbojpeg.h'))
      ? { include, libs: [lib] }
      : null;
  }
  if (process.platform !== 'linux') return null;
  try {
    const pc = (...args) =>
      execFileSync('pkg-config', [...args, 'libturbojpeg'], { encoding: 'utf8' }).trim();
    return { include: pc('--variable=includedir'), libs: pc('--libs').split(/\s+/) };
  } catch {
    return null;
  }
}

const found = find();
if (!found && process.argv[2] === 'include')
  console.error(
    'jpeg-scale: libjpeg-turbo not found (Debian: apt install libturbojpeg0-dev); built without it.',
  );
if (process.argv[2] === 'include') console.log(found ? found.include : '');
else if (process.argv[2] === 'libs') console.log(found ? found.libs.join(' ') : '');
