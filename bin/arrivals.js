#!/usr/bin/env node
// Runs in: CLI launcher. The CLI is built with the app (npm install runs the build).
const fs = require('node:fs');
const path = require('node:path');
const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('arrivals: the app is not built yet. Run `npm run build` in ' + path.dirname(__dirname));
  process.exit(2);
}
require(cli);
