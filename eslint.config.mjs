// `npm run lint`: ESLint with typescript-eslint's recommended rules over our TypeScript and scripts; the test
// command runs it as a tier. Generated and installed code is not ours to lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The Node globals our plain-JS scripts use (TypeScript checks the .ts files' names itself).
const node = Object.fromEntries(['process', 'console', 'Buffer', 'URL', 'fetch', 'setTimeout', 'clearTimeout',
  'setInterval', 'clearInterval', 'require', 'module', 'exports', '__dirname', '__filename'].map((n) => [n, 'readonly']));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/tools/**', '.tmp/**', 'test/.work/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: node },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
