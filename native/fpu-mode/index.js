// Runs in: face worker threads. Loads the addon if it was built; otherwise says so.
'use strict';
const path = require('node:path');

let addon = null;
let loadError = null;
try {
  addon = require(path.join(__dirname, 'build', 'Release', 'fpu_mode.node'));
} catch (err) {
  loadError = err instanceof Error ? err.message : String(err);
}

/** Sets FTZ/DAZ on the calling thread. Returns false when the addon is missing or the CPU is not x86/arm64. */
function flushDenormals() {
  return addon ? addon.flushDenormals() : false;
}

module.exports = { flushDenormals, available: addon !== null, loadError };
