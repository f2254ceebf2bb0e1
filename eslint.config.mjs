// Lint rules. The import restriction is the architecture: statecharts (workflows/) and document
// templates (templates/) stay pure — no Nest, no TypeORM, nothing from src/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pure = {
  patterns: [
    { group: ['@nestjs/*'], message: 'workflows/ and templates/ stay free of Nest.' },
    { group: ['typeorm', 'typeorm/*'], message: 'workflows/ and templates/ stay free of the database.' },
    { group: ['**/src', '**/src/*', '**/src/**'], message: 'workflows/ and templates/ must not import the application.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-function': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts', 'templates/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pure] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
