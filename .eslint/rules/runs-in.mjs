// Runs in: lint tooling (ESLint under plain Node). The `arrivals/runs-in` rule: every file's first
// line says where it runs ("// Runs in: ..."), and the rule checks that claim against the file
// itself, in the spirit of Signal-Desktop's file-suffix rule:
//   - what it imports at run time: Node builtins and Node-only packages need Node; DOM-only
//     packages need a DOM; electron's main-process APIs need the Electron main process, its
//     renderer-side APIs (contextBridge, ipcRenderer) need the preload;
//   - which globals it touches: window/document need a DOM (code passed to page.evaluate() and
//     the like runs in the page, so it does not count); Node's globals are absent in the renderer;
//   - which local files it imports at run time: those run here too, so their own headers must
//     name this place as well (a file may say "renderer (types only)": then the renderer may
//     import its types but not its values);
//   - where it lives: renderer/ says renderer, preload/ says preload, main/ says a Node place.
// Type-only imports (`import type`, or every specifier `type`) run nowhere and never count.
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';

// ---------------------------------------------------------------------------------------------
// Places, and what each one offers.

/** @typedef {'node' | 'electron-main' | 'preload' | 'renderer' | 'dom-test'} Place */
/**
 * What a file can need: Node's modules, Node's globals, a DOM, Electron's main-process API, its
 * preload-side API (contextBridge, ipcRenderer), an API both Electron processes have (clipboard...),
 * or the electron module itself (in plain Node, `require('electron')` is the path to the binary).
 * @typedef {'node' | 'nodeGlobal' | 'dom' | 'electronMain' | 'preload' | 'electron' | 'electronModule'} Need
 */

/** @type {Record<Place, Set<Need>>} */
const OFFERS = {
  // Main process services, CLI, worker threads, tests, tools: plain Node.
  node: new Set(['node', 'nodeGlobal', 'electronModule']),
  'electron-main': new Set(['node', 'nodeGlobal', 'electronMain', 'electron', 'electronModule']),
  // Sandboxed preload: a DOM, electron's renderer-side modules, a few Node globals; no Node modules.
  preload: new Set(['nodeGlobal', 'dom', 'preload', 'electron', 'electronModule']),
  renderer: new Set(['dom']),
  // Tests under jsdom: Node with a DOM.
  'dom-test': new Set(['node', 'nodeGlobal', 'dom', 'electronModule']),
};

/** @type {Record<Place, string>} */
const PLACE_NAME = {
  node: 'Node (main process, CLI, workers, tests)',
  'electron-main': 'the Electron main process',
  preload: 'the preload',
  renderer: 'the renderer',
  'dom-test': 'jsdom tests',
};

/**
 * A file imported at run time from `importer` runs there too: the places its own header names must
 * cover it. Node code runs in the Electron main process as well; jsdom tests run Node and renderer code.
 * @type {Record<Place, Place[]>}
 */
const COVERED_BY = {
  node: ['node'],
  'electron-main': ['electron-main', 'node'],
  preload: ['preload'],
  renderer: ['renderer'],
  'dom-test': ['dom-test', 'node', 'renderer'],
};

const NODE_WORDS =
  /\b(main|cli|node|nodejs|workers?|threads?|tests?|vitest|playwright|tooling|tools?|benchmarks?|bench|npm|server|generator|launcher|scripts?|ci|eslint)\b/;

export const VOCABULARY =
  'renderer, preload, Electron main process, main process, CLI, Node, worker threads, tests, vitest, jsdom, tooling, benchmark, npm install, feed server, generator; add "(types only)" after a place that only imports types';

// ---------------------------------------------------------------------------------------------
// What modules need.

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Packages that need Node (native addons, file system, processes). */
export const NODE_PACKAGES = new Set([
  'better-sqlite3-multiple-ciphers',
  'onnxruntime-node',
  'sharp',
  'piscina',
  'fpu-mode',
  'commander',
  '@playwright/test',
  'playwright',
  '@axe-core/playwright',
  'electron-builder',
  'electron-vite',
  'tsx',
]);

/** Packages that need a DOM. (react-dom/server does not; it is special-cased.) */
export const DOM_PACKAGES = new Set([
  'react-dom',
  '@mantine/core',
  '@mantine/hooks',
  '@mantine/notifications',
  '@testing-library/dom',
  '@testing-library/react',
  '@testing-library/user-event',
]);

/** electron's exports by process (as in Electron's API docs). */
const ELECTRON_MAIN = new Set([
  'app',
  'autoUpdater',
  'BaseWindow',
  'BrowserView',
  'BrowserWindow',
  'contentTracing',
  'desktopCapturer',
  'dialog',
  'globalShortcut',
  'inAppPurchase',
  'ipcMain',
  'Menu',
  'MenuItem',
  'MessageChannelMain',
  'MessagePortMain',
  'nativeTheme',
  'net',
  'netLog',
  'Notification',
  'powerMonitor',
  'powerSaveBlocker',
  'protocol',
  'pushNotifications',
  'safeStorage',
  'screen',
  'session',
  'ShareMenu',
  'shell',
  'systemPreferences',
  'TouchBar',
  'Tray',
  'utilityProcess',
  'webContents',
  'WebContentsView',
  'webFrameMain',
  'View',
  'ImageView',
]);
const ELECTRON_PRELOAD = new Set(['contextBridge', 'ipcRenderer', 'webFrame', 'webUtils']);

const DOM_GLOBALS = ['window', 'document'];
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'global'];

/** Methods whose function argument is serialised and run in a page (Playwright, Puppeteer). */
const PAGE_CALLBACKS = new Set([
  'evaluate',
  'evaluateHandle',
  'evaluateAll',
  '$eval',
  '$$eval',
  'waitForFunction',
  'addInitScript',
]);

/** @param {string} source @returns {string} the package name of a bare specifier */
function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : /** @type {string} */ (parts[0]);
}

/**
 * What a bare (non-relative) module specifier needs, or null when it runs anywhere.
 * @param {string} source
 * @returns {Need | null}
 */
export function moduleNeed(source) {
  if (source === 'electron-updater') return 'electronMain';
  if (source === 'electron') return 'electronModule';
  if (NODE_BUILTINS.has(source) || NODE_BUILTINS.has(source.split('/')[0] ?? '')) return 'node';
  if (source.startsWith('node:')) return 'node';
  const name = packageName(source);
  if (NODE_PACKAGES.has(name)) return 'node';
  if (source === 'react-dom/server') return null;
  if (DOM_PACKAGES.has(name)) return 'dom';
  return null;
}

/** @param {string} name an export of electron @returns {Need} */
function electronNeed(name) {
  if (ELECTRON_MAIN.has(name)) return 'electronMain';
  if (ELECTRON_PRELOAD.has(name)) return 'preload';
  return 'electron';
}

// ---------------------------------------------------------------------------------------------
// The header.

/**
 * @typedef {object} Header
 * @property {number} line 1-based line of the "Runs in:" comment
 * @property {string} text the claim: the first sentence after "Runs in:"
 * @property {Set<Place>} runs places where the file's code runs
 * @property {Set<Place>} typesOnly places that only import its types
 */

/**
 * Reads the "Runs in:" header: the first non-blank line (after a shebang) must be a comment that
 * starts with "Runs in:". Its claim is the first sentence, which may wrap onto following comment lines.
 * @param {string} source
 * @returns {Header | null}
 */
export function parseHeader(source) {
  const lines = source.split(/\r?\n/);
  let i = lines[0]?.startsWith('#!') ? 1 : 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  const first = /^\s*(?:\/\/+|\/\*+)\s*Runs in:(.*)$/.exec(lines[i] ?? '');
  if (!first) return null;
  const line = i + 1;
  let text = /** @type {string} */ (first[1]);
  let end = sentenceEnd(text);
  while (end < 0 && i + 1 < lines.length) {
    const next = /^\s*(?:\/\/+|\*(?!\/))\s?(.*)$/.exec(lines[i + 1] ?? '');
    if (!next) break;
    i++;
    text += ` ${next[1]}`;
    end = sentenceEnd(text);
  }
  text = (end < 0 ? text : text.slice(0, end))
    .replace(/\*\/.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const runs = /** @type {Set<Place>} */ (new Set());
  const typesOnly = /** @type {Set<Place>} */ (new Set());
  for (const clause of splitClauses(text)) {
    const { places, types } = classifyClause(clause);
    for (const p of places) (types ? typesOnly : runs).add(p);
  }
  return { line, text, runs, typesOnly };
}

/** Index of the first '.' that ends a sentence (outside parentheses and backticks), or -1. */
function sentenceEnd(/** @type {string} */ text) {
  let depth = 0;
  let code = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '`') code = !code;
    else if (code) continue;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '.' && depth === 0 && (k + 1 === text.length || /\s/.test(text[k + 1] ?? ''))) return k;
  }
  return -1;
}

/** "main (validation), preload and renderer (types only)" -> three clauses. */
function splitClauses(/** @type {string} */ text) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const sep = c === ',' || c === ';' ? 1 : (/^ (and|or) /.exec(text.slice(k))?.[0].length ?? 0);
      if (sep) {
        out.push(text.slice(start, k));
        start = k + sep;
        k = start - 1;
      }
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/**
 * The places one clause names. Words outside parentheses decide; a parenthesis only helps when they
 * name nothing ("the writer (main process)"), says "(types only)", or says jsdom.
 * @param {string} clause
 * @returns {{ places: Place[], types: boolean }}
 */
function classifyClause(clause) {
  const lower = clause.toLowerCase();
  const inParens = [...lower.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]).join(' ');
  const head = lower.replace(/\([^)]*\)/g, ' ');
  const types = /\btypes?[ -]only\b/.test(inParens) || /\btypes?[ -]only\b/.test(head);
  if (/\b(jsdom|happy-dom)\b/.test(lower)) return { places: ['dom-test'], types };
  const fromHead = placesIn(head);
  return { places: fromHead.length ? fromHead : placesIn(inParens), types };
}

/** @param {string} words @returns {Place[]} */
function placesIn(words) {
  if (/\belectron main\b/.test(words)) return ['electron-main'];
  /** @type {Place[]} */
  const out = [];
  if (/\brenderer\b/.test(words)) out.push('renderer');
  if (/\bpreload\b/.test(words)) out.push('preload');
  if (out.length === 0 && NODE_WORDS.test(words)) out.push('node');
  return out;
}

/** @type {Map<string, { mtimeMs: number, header: Header | null }>} */
const headerCache = new Map();

/** The header of a local file, or undefined when it cannot be read. @param {string} file */
function headerOf(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const hit = headerCache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.header;
  const header = parseHeader(fs.readFileSync(file, 'utf8'));
  headerCache.set(file, { mtimeMs: stat.mtimeMs, header });
  return header;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

/** Resolves a relative specifier the way the bundler and tsx do; null when nothing matches. */
function resolveLocal(/** @type {string} */ fromFile, /** @type {string} */ source) {
  const base = path.resolve(path.dirname(fromFile), source);
  const candidates = [base];
  const ext = path.extname(base);
  if (['.js', '.mjs', '.cjs', '.jsx'].includes(ext)) {
    const stem = base.slice(0, -ext.length);
    candidates.push(
      ...{ '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] }[ext].map(
        (e) => stem + e,
      ),
    );
  }
  candidates.push(...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`)));
  for (const c of candidates) {
    try {
      if (fs.statSync(c).isFile()) return c;
    } catch {
      // try the next one
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The rule.

/** Folder (relative to the lint root) -> the places a file there may say, one of which it must. */
const LOCATIONS = [
  { dir: 'renderer/', places: /** @type {Place[]} */ (['renderer']), name: 'the renderer' },
  { dir: 'preload/', places: /** @type {Place[]} */ (['preload']), name: 'the preload' },
  {
    dir: 'main/',
    places: /** @type {Place[]} */ (['node', 'electron-main']),
    name: 'Node (main process, CLI or workers)',
  },
];

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a "Runs in:" header and check it against what the file imports and touches.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          require: { type: 'boolean', description: 'Report files without a header (default true).' },
          root: {
            type: 'string',
            description: 'The folder renderer/, preload/ and main/ are in (default: the cwd).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missing: 'Start the file with a comment saying where it runs: "// Runs in: ...".',
      unknown: 'The "Runs in:" header ("{{text}}") names no place this rule knows. Use: {{vocabulary}}.',
      location:
        'Files under {{dir}} run in {{place}}: the "Runs in:" header must say so (it says "{{text}}").',
      needs: '{{what}} {{need}}, but the "Runs in:" header says this file runs in {{places}}.',
      localDep:
        "'{{source}}' says it runs in: {{theirs}}. Importing its values here runs it in {{places}} too: import only its types (`import type`), or widen its header if it really runs there.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const filename = context.filename;
    const requireHeader = context.options[0]?.require ?? true;
    const header = parseHeader(sourceCode.text);
    const rel = path
      .relative(context.options[0]?.root ?? context.cwd, filename)
      .split(path.sep)
      .join('/');
    const declarationFile = /\.d\.[cm]?ts$/.test(filename);

    if (!header) {
      if (requireHeader) context.report({ loc: { line: 1, column: 0 }, messageId: 'missing' });
      return {};
    }
    const headerLoc = { line: header.line, column: 0 };
    if (header.runs.size === 0 && header.typesOnly.size === 0) {
      context.report({
        loc: headerLoc,
        messageId: 'unknown',
        data: { text: header.text, vocabulary: VOCABULARY },
      });
      return {};
    }
    // Declarations run nowhere; their header is documentation.
    if (declarationFile) return {};

    for (const l of LOCATIONS) {
      if (rel.startsWith(l.dir) && !l.places.some((p) => header.runs.has(p))) {
        context.report({
          loc: headerLoc,
          messageId: 'location',
          data: { dir: l.dir, place: l.name, text: header.text },
        });
      }
    }

    const runs = [...header.runs];
    const NEED_TEXT = {
      node: 'needs Node',
      nodeGlobal: "is one of Node's globals",
      dom: 'needs a DOM (window, document)',
      electronMain: "is Electron's main-process API",
      preload: 'exists only in an Electron preload',
      electron: 'needs an Electron process',
      electronModule: 'needs Electron or Node',
    };

    /** @param {import('estree').Node} node @param {string} what @param {Need} need */
    function check(node, what, need) {
      const wrong = runs.filter((p) => !OFFERS[p].has(need));
      if (wrong.length === 0) return;
      context.report({
        node,
        messageId: 'needs',
        data: { what, need: NEED_TEXT[need], places: wrong.map((p) => PLACE_NAME[p]).join(' and ') },
      });
    }

    /** @param {any} node @param {string} source */
    function checkLocal(node, source) {
      const file = resolveLocal(filename, source);
      if (!file) return;
      const theirs = headerOf(file);
      if (!theirs) return; // no header (or unreadable): nothing to compare
      const uncovered = runs.filter((p) => !COVERED_BY[p].some((q) => theirs.runs.has(q)));
      if (uncovered.length === 0) return;
      context.report({
        node,
        messageId: 'localDep',
        data: { source, theirs: theirs.text, places: uncovered.map((p) => PLACE_NAME[p]).join(' and ') },
      });
    }

    /**
     * @param {any} node the import, export or call
     * @param {string} source
     * @param {string[] | null} electronNames the names taken from electron, when known
     */
    function use(node, source, electronNames) {
      if (source.startsWith('.') || source.startsWith('/')) {
        checkLocal(node, source);
        return;
      }
      if (source === 'electron' && electronNames) {
        for (const name of electronNames) check(node, `electron's \`${name}\``, electronNeed(name));
        return;
      }
      const need = moduleNeed(source);
      if (need) check(node, `Importing '${source}'`, need);
    }

    /** @param {any} node ImportDeclaration | ExportNamedDeclaration | ExportAllDeclaration */
    function moduleDeclaration(node) {
      if (!node.source || typeof node.source.value !== 'string') return;
      if (node.importKind === 'type' || node.exportKind === 'type') return;
      const specifiers = node.specifiers ?? [];
      const values = specifiers.filter((s) => s.importKind !== 'type' && s.exportKind !== 'type');
      if (specifiers.length > 0 && values.length === 0) return; // import { type A, type B }
      let names = null;
      if (node.source.value === 'electron' && node.type === 'ImportDeclaration') {
        const named = values.filter((s) => s.type === 'ImportSpecifier');
        if (named.length === values.length && named.length > 0) {
          names = named.map((s) =>
            s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value),
          );
        }
      }
      use(node, node.source.value, names);
    }

    /** Names destructured from `require('electron')`, when it is `const { a, b } = require(...)`. */
    function destructuredNames(/** @type {any} */ call) {
      const parent = call.parent;
      if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'ObjectPattern') return null;
      const names = [];
      for (const p of parent.id.properties) {
        if (p.type !== 'Property' || p.computed || p.key.type !== 'Identifier') return null;
        names.push(p.key.name);
      }
      return names.length ? names : null;
    }

    function isGlobalRequire(/** @type {any} */ node) {
      let scope = sourceCode.getScope(node);
      while (scope) {
        if (scope.set.get('require')?.defs.length) return false;
        scope = scope.upper;
      }
      return true;
    }

    /** True when the identifier sits in a function handed to page.evaluate() and friends. */
    function inPageCallback(/** @type {any} */ node) {
      for (let n = node.parent, child = node; n; child = n, n = n.parent) {
        if (
          (child.type === 'ArrowFunctionExpression' || child.type === 'FunctionExpression') &&
          n.type === 'CallExpression' &&
          n.arguments.includes(child) &&
          n.callee.type === 'MemberExpression' &&
          !n.callee.computed &&
          PAGE_CALLBACKS.has(n.callee.property.name)
        ) {
          return true;
        }
      }
      return false;
    }

    /** References to a free (global) variable, wherever they occur. */
    function globalReferences(/** @type {string} */ name) {
      const global = sourceCode.scopeManager?.globalScope;
      if (!global) return [];
      const refs = new Set(global.through.filter((r) => r.identifier.name === name));
      const v = global.set.get(name);
      if (v && v.defs.length === 0) for (const r of v.references) refs.add(r);
      return [...refs];
    }

    function checkGlobals(/** @type {string[]} */ names, /** @type {Need} */ need) {
      if (runs.every((p) => OFFERS[p].has(need))) return;
      for (const name of names) {
        for (const ref of globalReferences(name)) {
          const id = /** @type {any} */ (ref.identifier);
          if (ref.isTypeReference && !ref.isValueReference) continue;
          if (id.parent?.type === 'UnaryExpression' && id.parent.operator === 'typeof') continue; // a feature test
          if (id.parent?.type === 'TSTypeQuery') continue; // `typeof window` in a type
          if (inPageCallback(id)) continue;
          if (name === 'require' && id.parent?.type === 'CallExpression' && id.parent.callee === id) continue; // seen as an import
          check(id, `\`${name}\``, need);
        }
      }
    }

    return {
      ImportDeclaration: moduleDeclaration,
      ExportNamedDeclaration: moduleDeclaration,
      ExportAllDeclaration: moduleDeclaration,
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string')
          use(node, node.source.value, null);
      },
      CallExpression(node) {
        if (
          node.callee.type !== 'Identifier' ||
          node.callee.name !== 'require' ||
          node.arguments.length !== 1
        )
          return;
        const arg = /** @type {any} */ (node.arguments[0]);
        if (arg.type !== 'Literal' || typeof arg.value !== 'string' || !isGlobalRequire(node)) return;
        use(node, arg.value, arg.value === 'electron' ? destructuredNames(node) : null);
      },
      'Program:exit'() {
        checkGlobals(DOM_GLOBALS, 'dom');
        checkGlobals(NODE_GLOBALS, 'nodeGlobal');
      },
    };
  },
};

export default rule;
