// Runs in: lint tooling. Makes the process boundary a rule, not a habit:
// renderer code cannot reach Node, Electron or main; preload reaches only electron and the
// contract; only the Electron entry may import electron or electron-updater; and every source
// file says on its first line where it runs, and that line is checked against what the file
// imports and touches (.eslint/rules/runs-in.mjs). Promises are checked with type information.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import runsIn from './.eslint/rules/runs-in.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const arrivals = { rules: { 'runs-in': runsIn } };

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      'native/*/build/**',
      'models/*.onnx',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    // Type-aware rules for every TypeScript file, typed by the same tsconfigs as `npm run typecheck`.
    // A file in none of them fails to parse, so nothing slips through untyped. The first project that
    // includes a file types it: the narrower ones come first (tests/unit/renderer is also under
    // tsconfig.main's tests/**, playwright.config.ts under its *.config.ts).
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.renderer.json',
          './tsconfig.preload.json',
          './tsconfig.e2e.json',
          './tsconfig.main.json',
        ],
        tsconfigRootDir: root,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Strict for JSX attributes too: an async onClick's rejection would go nowhere. Handlers call
      // `void work()` where work() shows its own errors.
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Declarations no tsconfig includes, linted without type information.
    files: ['native/*/*.d.ts', '.eslint/**/*.d.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    plugins: { arrivals },
    files: [
      'main/**/*.ts',
      'preload/**/*.ts',
      'renderer/**/*.{ts,tsx}',
      'ipc/**/*.ts',
      'tools/**/*.{ts,js}',
      'models/**/*.js',
      'native/*/*.js',
      'bin/**/*.js',
      '.eslint/**/*.mjs',
      'eslint.config.mjs',
    ],
    rules: { 'arrivals/runs-in': ['error', { root }] },
  },
  {
    // Tests need no header, but one they have is checked like any other.
    plugins: { arrivals },
    files: ['tests/**/*.{ts,tsx,js,mjs}'],
    rules: { 'arrivals/runs-in': ['error', { root, require: false }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins,
            'electron',
            'better-sqlite3-multiple-ciphers',
            'onnxruntime-node',
            'sharp',
            'electron-updater',
          ].map((name) => ({
            name,
            message:
              'The renderer only renders and asks: call main through renderer/src/api.ts (window.arrivals in Electron, the HTTP bridge in the browser shell).',
          })),
          patterns: [
            {
              group: ['**/main/**', '../../main/*', '**/preload/**'],
              message: 'The renderer cannot import main or preload code.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No raw HTML in the renderer.',
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The preload is a narrow bridge: electron and the contract only.',
          })),
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'The preload imports only the IPC contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'ipc/**/*.ts'],
    ignores: ['main/shell/electron.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only main/shell/electron.ts may import electron: services must run under plain Node.',
            },
            { name: 'electron-updater', message: 'Only main/shell/electron.ts may import electron-updater.' },
          ],
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'main cannot import renderer or preload code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tools/**/*.js', 'models/**/*.js', 'bin/**/*.js', 'native/*/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
  },
);
