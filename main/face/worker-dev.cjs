// Runs in: main process (worker thread) in dev/test only: loads the TypeScript worker through tsx when no built face-worker.js exists.
'use strict';
require('tsx/cjs');
module.exports = require('./worker.ts');
