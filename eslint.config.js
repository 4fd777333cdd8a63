// Lint rules: typescript-eslint recommended, plus the DOM-free/Node-free rule for the core packages.
import tseslint from 'typescript-eslint';

const core = ['ir', 'formats', 'analysis', 'layout', 'diagrams', 'events', 'runtime'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', 'artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Core code runs unchanged in the browser worker, the CLI and the tests: no Node built-ins, no React.
    files: core.map((p) => `packages/${p}/src/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'react', 'react-dom'], message: 'core packages are DOM- and Node-free' }] },
      ],
    },
  },
);
