// Runs in: face worker threads, when the app runs from TypeScript sources (tests, tsx tools).
// The built app uses out/main/face-worker.js instead.
require('tsx/cjs');
const mod = require('./worker.ts');
module.exports = mod.default ?? mod;
