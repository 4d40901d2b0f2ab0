// Runs in: a worker thread, when running from TypeScript sources (tests, tsx tools).
require('tsx/cjs');
require('./bundle-worker.ts');
