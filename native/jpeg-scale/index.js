// Runs in: face worker threads. Loads the addon if it was built; otherwise says so.
'use strict';
const path = require('node:path');

let addon = null;
let loadError = null;
try {
  addon = require(path.join(__dirname, 'build', 'Release', 'jpeg_scale.node'));
} catch (err) {
  loadError = err instanceof Error ? err.message : String(err);
}

function decodeScaled(jpeg, denom, strict) {
  if (!addon) return Promise.reject(new Error(`jpeg-scale addon unavailable: ${loadError}`));
  return new Promise((resolve, reject) => {
    addon.decode(jpeg, denom, !!strict, (err, data, width, height) =>
      err ? reject(err) : resolve({ data, width, height }),
    );
  });
}

module.exports = { decodeScaled, available: addon !== null, loadError };
