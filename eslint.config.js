// ESLint: JavaScript and TypeScript rules, plus Lit's and web components' own.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.tmp/', 'node_modules/', 'public/', 'cms/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Elements register in define.ts, never as a side effect of the class module.
      'wc/define-tag-after-class-definition': 'off',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'test/node/**', 'test/e2e/**', '*.js', '*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        document: 'readonly',
        window: 'readonly',
        getComputedStyle: 'readonly',
        NodeFilter: 'readonly',
        sessionStorage: 'readonly',
        localStorage: 'readonly',
        customElements: 'readonly',
        MutationObserver: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        performance: 'readonly',
        location: 'readonly',
        history: 'readonly',
        navigator: 'readonly',
        requestAnimationFrame: 'readonly',
        PerformanceObserver: 'readonly',
      },
    },
  },
  {
    // The pure core (the flow's state machine and the checks of entries) imports nothing impure:
    // no Lit, no barrel that reaches it, no session, no DOM services. Types may come from anywhere.
    // scripts/unit-tests.mjs proves the same for the whole module graph when its tests run.
    files: [
      'src/kassenzeichen-manager/flow/**/*.ts',
      'src/kassenzeichen-manager/form-validation.ts',
      'src/kassenzeichen-manager/kassenzeichen-format.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'lit',
                'lit/*',
                '@lit/*',
                'oidc-client-ts',
                '**/from-main*',
                '**/auth/*',
                '**/shared/*',
                '**/i18n/*',
                '**/views/*',
                '**/api/client*',
              ],
              allowTypeImports: true,
              message: 'The pure core imports only pure modules (README, „For developers“: flow/).',
            },
          ],
        },
      ],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) are expressions.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
