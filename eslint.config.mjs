// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Modules the pure layers must never import: they run in the browser, the webview and the CLI alike. */
const platformModules = {
  paths: [
    { name: 'vscode', message: 'src/core and webview/ are pure: only src/extension may import vscode.' },
    { name: 'fs', message: 'src/core is pure: file access goes through the FileSystemPort.' },
    { name: 'path', message: 'src/core is pure: use the URI helpers in src/core/uri.ts.' },
  ],
  patterns: [{ group: ['node:*', 'fs/*', 'path/*'], message: 'src/core and webview/ are pure: no Node built-ins.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'out/**', 'examples/**', 'playground/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    // The bin launcher is plain CommonJS so it runs without a build step.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts', 'webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', platformModules] },
  },
);
