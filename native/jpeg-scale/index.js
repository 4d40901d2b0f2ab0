// Runs in: face worker threads. The addon if it was built (`npm install` skips it, with a warning,
// where libjpeg-turbo or a compiler is missing); callers then let sharp decode.
'use strict';

function load() {
  try {
    return { addon: require('./build/Release/jpeg_scale.node'), loadError: null };
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
