// Flat config: errors fail `npm run lint` (and CI).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/artifacts/**', 'tab/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Domain code is plain TypeScript: the Teams SDKs, HTTP servers and the environment stay in adapters.
    files: ['bot/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['botbuilder*', 'botframework-*', '@microsoft/*', 'restify*', '@azure/*'],
            message: 'bot/domain/ must not import Teams, Bot Framework, restify or Azure SDKs; use a port in ports.ts.' },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'bot/domain/ reads no process.env; pass config in.' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'bot/domain/ must not touch process; pass what it needs in.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', document: 'readonly', window: 'readonly', fetch: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
