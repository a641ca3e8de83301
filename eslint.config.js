// Lint: type-aware TypeScript rules plus the layer table of docs/architecture.md, enforced by a local rule.
import path from 'node:path';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const root = import.meta.dirname;
const services = ['db', 'warehouse', 'sync', 'qbo', 'auth'];

/** Which layer a file belongs to, from its folder. */
function layerOf(file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'src-shared') return 'shared';
  if (rel[0] === 'src-renderer') return 'renderer';
  if (rel[0] === 'src-main' && rel[1]) return rel[1];
  return 'other';
}

/** Who may import whom. Services reach each other only through the module's index. */
const allowed = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  sandbox: ['sandbox', 'shared'],
  host: ['host', 'shared', 'sandbox', ...services],
  app: ['app', 'host', 'shared'],
  headless: ['headless', 'host', 'shared'],
  cli: ['cli', 'host', 'headless', 'sandbox', 'shared'],
  ...Object.fromEntries(services.map((s) => [s, ['shared', ...services]])),
};
const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

const layersRule = {
  meta: { type: 'problem', schema: [], messages: { bad: '{{why}}' } },
  create(context) {
    const from = layerOf(context.filename);
    if (from === 'other') return {};
    const check = (node_, source) => {
      if (typeof source !== 'string') return;
      const report = (why) => context.report({ node: node_, messageId: 'bad', data: { why } });
      if (!source.startsWith('.')) {
        const bare = source.split('/')[0];
        if (bare === 'electron' && from !== 'app') report(`Only src-main/app may import electron (this is ${from}).`);
        if ((from === 'shared' || from === 'renderer') && node.has(source))
          report(`${from} code may not import the Node module "${source}".`);
        if (from !== 'renderer' && (bare === 'react' || bare === 'react-dom' || bare === 'zustand'))
          report(`Only the renderer may import ${bare}.`);
        return;
      }
      const target = path.resolve(path.dirname(context.filename), source);
      const to = layerOf(target);
      if (to === from || target === path.join(root, 'package.json')) return;
      if (!(allowed[from] ?? []).includes(to)) {
        report(`The ${from} layer may not import from ${to} (see the layer table in docs/architecture.md).`);
        return;
      }
      const crossesModule = services.includes(to) || ['host', 'sandbox', 'headless'].includes(to);
      if (crossesModule && path.basename(target).replace(/\.(ts|js)$/, '') !== 'index' && !target.endsWith(`${path.sep}${to}`)) {
        report(`Import ${to} through its index (src-main/${to}/index.ts), not its internals.`);
      }
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: root,
      },
      globals: { ...globals.node },
    },
    plugins: { shelfsync: { rules: { layers: layersRule } } },
    rules: {
      'shelfsync/layers': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
        {
          selector: "CallExpression[callee.property.name=/^(only|skip|todo)$/][callee.object.name=/^(it|test|describe|suite)$/]",
          message: 'No focused, skipped or placeholder tests.',
        },
        { selector: "CallExpression[callee.object.callee.property.name='skipIf']", message: 'No conditionally skipped tests.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Small functions (docs/architecture.md): a longer one says why, in the disable comment above it.
    files: ['src-main/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src-main/cli/**', 'test/**', '*.config.ts', '*.config.js'],
    rules: { 'no-console': 'off' },
  },
  {
    // Config files are the one place tools require a default export.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
