// Runs in: tests (Node). The `arrivals/runs-in` lint rule on inline code: the header is required,
// parsed into places, and checked against imports, globals, local imports and the file's folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule, { parseHeader } from '../../../.eslint/rules/runs-in.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

// Local files with headers of their own, for the checks on local imports.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runs-in-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const local = (name: string, text: string) => {
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};
local(
  'contract.ts',
  '// Runs in: main (validation), preload (channel names), renderer (types only).\nexport const ROLES = [];\n',
);
local('widget.tsx', '// Runs in: renderer. A widget.\nexport const Widget = () => null;\n');
local('service.ts', '// Runs in: main process and CLI.\nexport const x = 1;\n');
local('shell.ts', '// Runs in: Electron main process.\nexport const y = 1;\n');
local('no-header.ts', 'export const z = 1;\n');
const inDir = (name: string) => path.join(dir, name);

const MAIN = '// Runs in: main process and CLI.\n';
const RENDERER = '// Runs in: renderer.\n';
const CONTRACT = '// Runs in: main (validation), preload (channel names), renderer (types only).\n';

/** An invalid case: the file, its code, and the messages the rule must report, in order. */
const bad = (filename: string, code: string, ...messageIds: string[]) => ({
  filename,
  code,
  errors: messageIds.map((messageId) => ({ messageId })),
});

describe('parseHeader', () => {
  it('reads places from the first sentence, wrapped or not, and keeps "(types only)" apart', () => {
    const h = parseHeader(CONTRACT + 'import { z } from "zod";');
    expect(h && [...h.runs].sort()).toEqual(['node', 'preload']);
    expect(h && [...h.typesOnly]).toEqual(['renderer']);
    expect(
      parseHeader('#!/usr/bin/env node\n\n// Runs in: CLI launcher. Runs the renderer? No.')?.runs,
    ).toEqual(new Set(['node']));
    expect(
      parseHeader('// Runs in: the reference feed server and\n// the renderer. Later text.')?.runs,
    ).toEqual(new Set(['node', 'renderer']));
    expect(
      parseHeader('// Runs in: Electron main process (the only file that imports electron).')?.runs,
    ).toEqual(new Set(['electron-main']));
    expect(parseHeader('// Runs in: tests (jsdom). Renders components.')?.runs).toEqual(
      new Set(['dom-test']),
    );
    expect(parseHeader('// Runs in: face worker threads (also usable in main).')?.runs).toEqual(
      new Set(['node']),
    );
  });
  it('needs the header on the first line', () => {
    expect(parseHeader('import x from "y";\n// Runs in: main process.')).toBeNull();
    expect(parseHeader('// Something else.\n// Runs in: main process.')).toBeNull();
  });
});

tester.run('runs-in', rule, {
  valid: [
    {
      filename: 'main/a.ts',
      code: `${MAIN}import fs from 'node:fs';\nimport Database from 'better-sqlite3-multiple-ciphers';\nexport const f = () => [fs, Database];`,
    },
    {
      filename: 'tools/a.js',
      code: `#!/usr/bin/env node\n// Runs in: plain Node (start script).\nconst fs = require('fs');\nmodule.exports = fs;`,
    },
    // Several places; Node's types imported as types only; zod runs anywhere.
    {
      filename: 'ipc/a.ts',
      code: `${CONTRACT}import { z } from 'zod';\nimport type { Buffer } from 'node:buffer';\nexport const S = z.string();\nexport type B = Buffer;`,
    },
    {
      filename: 'ipc/b.ts',
      code: `${CONTRACT}import { type Stats, type Dirent } from 'node:fs';\nexport type S = Stats | Dirent;`,
    },
    {
      filename: 'renderer/src/a.tsx',
      code: `${RENDERER}import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!);\nwindow.scrollTo(0, 0);`,
    },
    // The word in comments, strings and a local variable is no use of the global.
    {
      filename: 'main/b.ts',
      code: `${MAIN}// the window closes; document it.\nexport const s = 'document';\nexport function f(n: number) { const window = n; return window; }`,
    },
    // A feature test, and code that runs in the page.
    {
      filename: 'main/c.ts',
      code: `${MAIN}export const inBrowser = typeof window !== 'undefined';\nexport type W = typeof window;`,
    },
    {
      filename: 'tests/e2e/a.ts',
      code: `// Runs in: tests (Node).\ndeclare const page: { evaluate<T>(f: () => T): Promise<T> };\nexport const t = page.evaluate(() => document.title);`,
    },
    {
      filename: 'main/shell/electron.ts',
      code: `// Runs in: Electron main process.\nimport { app, BrowserWindow } from 'electron';\nimport updater from 'electron-updater';\nexport { app, BrowserWindow, updater };`,
    },
    // In plain Node, the electron module is the path to the binary.
    {
      filename: 'tools/launch.ts',
      code: `// Runs in: plain Node (launcher).\nimport electronPath from 'electron';\nexport const bin = electronPath;`,
    },
    {
      filename: 'preload/index.ts',
      code: `// Runs in: Electron preload (sandboxed).\nimport { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('arrivals', { ping: () => ipcRenderer.invoke('ping') });`,
    },
    {
      filename: 'tests/unit/renderer/a.test.tsx',
      code: `// Runs in: tests (jsdom).\nimport fs from 'node:fs';\nimport { render } from '@testing-library/react';\nexport const x = [fs, render, document.body];`,
    },
    {
      filename: 'tests/unit/a.test.ts',
      code: `import fs from 'node:fs';\nexport const x = fs;`,
      options: [{ require: false }],
    },
    {
      filename: 'renderer/src/env.d.ts',
      code: `// Runs in: renderer (types only).\ndeclare global { interface Window { arrivals?: unknown } }\nexport {};`,
    },
    // Local imports: covered by the other file's header, type-only, or a file without a header.
    {
      filename: inDir('renderer-page.tsx'),
      code: `${RENDERER}import { Widget } from './widget';\nimport type { ROLES } from './contract';\nexport const w = [Widget];\nexport type R = typeof ROLES;`,
    },
    {
      filename: inDir('main-a.ts'),
      code: `${MAIN}import { x } from './service.js';\nimport { ROLES } from './contract';\nimport { z } from './no-header';\nexport const all = [x, ROLES, z];`,
    },
    {
      filename: inDir('electron-b.ts'),
      code: `// Runs in: Electron main process.\nimport { x } from './service';\nimport { y } from './shell';\nexport const all = [x, y];`,
    },
  ],
  invalid: [
    bad('main/a.ts', `import fs from 'node:fs';\nexport default fs;`, 'missing'),
    bad('main/a.ts', `// A service.\n// Runs in: main process.\nexport {};`, 'missing'),
    bad('tools/a.ts', `// Runs in: somewhere nice.\nexport {};`, 'unknown'),
    bad(
      'renderer/src/a.ts',
      `${RENDERER}import fs from 'node:fs';\nimport path from 'path';\nexport const x = [fs, path];`,
      'needs',
      'needs',
    ),
    bad(
      'renderer/src/a.ts',
      `${RENDERER}export const load = () => import('better-sqlite3-multiple-ciphers');`,
      'needs',
    ),
    bad(
      'renderer/src/a.ts',
      `${RENDERER}export const mode = process.env.NODE_ENV;\nexport const b = Buffer.from('x');`,
      'needs',
      'needs',
    ),
    bad('renderer/src/a.ts', `${MAIN}export {};`, 'location'),
    bad('preload/index.ts', `${RENDERER}export {};`, 'location'),
    bad('main/a.ts', `// Runs in: renderer.\nexport {};`, 'location'),
    bad(
      'main/a.ts',
      `${MAIN}export const t = () => document.title;\nwindow.addEventListener('x', () => {});`,
      'needs',
      'needs',
    ),
    bad(
      'main/a.ts',
      `${MAIN}import { createRoot } from 'react-dom/client';\nexport { createRoot };`,
      'needs',
    ),
    bad('main/a.ts', `${MAIN}import { BrowserWindow } from 'electron';\nexport { BrowserWindow };`, 'needs'),
    bad('main/a.ts', `${MAIN}const { ipcRenderer } = require('electron');\nexport { ipcRenderer };`, 'needs'),
    bad(
      'main/a.ts',
      `${MAIN}import { autoUpdater } from 'electron-updater';\nexport { autoUpdater };`,
      'needs',
    ),
    bad('main/a.ts', `${MAIN}import { clipboard } from 'electron';\nexport { clipboard };`, 'needs'),
    bad(
      'renderer/src/a.ts',
      `${RENDERER}import electron from 'electron';\nexport default electron;`,
      'needs',
    ),
    // Several places: each import must suit every place the file runs.
    {
      filename: 'ipc/a.ts',
      code: `${CONTRACT}import fs from 'node:fs';\nexport const x = fs;`,
      errors: [
        {
          messageId: 'needs',
          data: { what: "Importing 'node:fs'", need: 'needs Node', places: 'the preload' },
        },
      ],
    },
    bad('ipc/a.ts', `${CONTRACT}export const w = () => window.location.href;`, 'needs'),
    // Local imports that would run the other file somewhere its header does not name.
    bad(
      inDir('renderer-page.tsx'),
      `${RENDERER}import { ROLES } from './contract';\nexport const r = ROLES;`,
      'localDep',
    ),
    bad(inDir('renderer-page.tsx'), `${RENDERER}export { x } from './service';`, 'localDep'),
    bad(
      inDir('main-a.ts'),
      `${MAIN}import { Widget } from './widget';\nimport { y } from './shell';\nexport const all = [Widget, y];`,
      'localDep',
      'localDep',
    ),
  ],
});
