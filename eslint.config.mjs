// Runs in: lint tooling. Makes the process boundary a rule, not a habit:
// renderer code cannot reach Node, Electron or main; preload reaches only electron and the
// contract; only the Electron entry may import electron or electron-updater; and every source
// file says on its first line where it runs.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const runsIn = {
  meta: { type: 'problem', messages: { missing: 'Start the file with a comment saying where it runs: "// Runs in: ...".' } },
  create(context) {
    return {
      Program() {
        const first = context.sourceCode.getAllComments()[0];
        const text = context.sourceCode.getText();
        const firstLine = text.replace(/^#!.*\n/, '').split('\n').find((l) => l.trim() !== '') ?? '';
        if (!first || !/Runs in:/.test(firstLine)) context.report({ loc: { line: 1, column: 0 }, messageId: 'missing' });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'native/*/build/**', 'models/*.onnx', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    plugins: { arrivals: { rules: { 'runs-in': runsIn } } },
    files: ['main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}', 'ipc/**/*.ts', 'tools/**/*.{ts,js}', 'models/**/*.js', 'native/*/*.js'],
    rules: { 'arrivals/runs-in': 'error' },
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
          paths: [...nodeBuiltins, 'electron', 'better-sqlite3', 'onnxruntime-node', 'sharp', 'electron-updater'].map((name) => ({
            name,
            message: 'The renderer only renders and asks: use window.api via renderer/src/api.ts.',
          })),
          patterns: [{ group: ['**/main/**', '../../main/*', '**/preload/**'], message: 'The renderer cannot import main or preload code.' }],
        },
      ],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in the renderer.' }],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The preload is a narrow bridge: electron and the contract only.' })),
          patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only the IPC contract.' }],
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
            { name: 'electron', message: 'Only main/shell/electron.ts may import electron: services must run under plain Node.' },
            { name: 'electron-updater', message: 'Only main/shell/electron.ts may import electron-updater.' },
          ],
          patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'main cannot import renderer or preload code.' }],
        },
      ],
    },
  },
  {
    files: ['tools/**/*.js', 'models/**/*.js', 'bin/**/*.js', 'native/*/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
  },
);
