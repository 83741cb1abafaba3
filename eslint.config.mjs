import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.devstack/**'] },
  {
    files: ['lib/**/*.ts'],
    rules: {
      // lib/ is the framework-free model layer (ARCHITECTURE.md): no React, no Next, no UI.
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'next', 'next/*', '@/components/*', '@/app/*', '@/devstack/*', '@/testing/*'] }],
    },
  },
  {
    // Tests may host the local stack they run against.
    files: ['lib/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'next', 'next/*', '@/components/*', '@/app/*'] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/app/*', '@/devstack/*', '@/testing/*'] }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
