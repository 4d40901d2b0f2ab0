// Runs in: face worker threads. The addon if it was built with libjpeg-turbo (without a compiler
// `npm install` skips it, without the library it builds without it: find-turbojpeg.js); when it
// is not, callers let sharp decode.
'use strict';

function load() {
  try {
    const addon = require('./build/Release/jpeg_scale.node');
    return addon.turbojpeg
      ? { addon, loadError: null }
      : {
          addon: null,
          loadError:
            'built without libjpeg-turbo (Debian: apt install libturbojpeg0-dev, then npm rebuild jpeg-scale)',
        };
  } catch (err) {
    return { addon: null, loadError: err instanceof Error ? err.message : String(err) };
  }
}
const { addon, loadError } = load();

function decodeScaled(jpeg, denom, strict, convert) {
  if (!addon) return Promise.reject(new Error(`jpeg-scale addon unavailable: ${loadError}`));
  return new Promise((resolve, reject) => {
    const tables = convert ? convert.tables : null;
    const encode = convert ? convert.encode : null;
    addon.decode(jpeg, denom, !!strict, tables, encode, (err, data, width, height) =>
      err ? reject(err) : resolve({ data, width, height }),
    );
  });
}

module.exports = { decodeScaled, available: addon !== null, loadError };
