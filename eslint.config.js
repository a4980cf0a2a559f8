// ESLint: JavaScript and TypeScript rules, plus Lit's and web components' own.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

/** What the manager's own files may not import but through from-main.ts (pure leaves allowed in both files: see test/node/bundle.test.mjs). */
function managerFileBoundary() {
  const shared = ['api', 'auth', 'shared', 'i18n', 'servicekonto-login'];
  return {
    group: [
      'lit',
      'lit/*',
      '@lit/*',
      'oidc-client-ts',
      ...shared.flatMap((folder) => [`../${folder}/*`, `../../${folder}/*`]),
      '../events*',
      '../../events*',
      '**/main-file/*',
      '**/set-up/*',
      // The manager's German texts ship with the manager.
      '!../i18n/de-manager*',
    ],
    allowTypeImports: true,
    message: "The manager's file takes what it shares with the main file only through from-main.ts (README, „For developers“).",
  };
}

/** The widgets' package carries browser code only (two packages, npm workspaces). */
function browserOnly() {
  return {
    group: ['**/packages/*', 'node:*', '@redis/*', 'openid-client', 'jose', 'rate-limiter-flexible'],
    allowTypeImports: true,
    message: 'The widgets run in the browser; server code lives in packages/bff (ARCHITECTURE.md).',
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'packages/*/dist/', '.tmp/', 'node_modules/', 'public/', 'cms/', 'coverage/'] },
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
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [browserOnly()] }] },
  },
  {
    // The manager's file (buergerportal-widgets.manager.js) takes everything it shares with the
    // main file through from-main.ts; a direct import would put a second copy on the page.
    // main-file/ is the manager's code that runs in the main file, set-up/ the part in the session's
    // file, from-*.ts the lists of what the manager takes from those. Types may come from anywhere.
    files: ['src/kassenzeichen-manager/**/*.ts'],
    ignores: ['src/kassenzeichen-manager/main-file/**', 'src/kassenzeichen-manager/set-up/**', 'src/kassenzeichen-manager/from-*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [browserOnly(), managerFileBoundary()] }] },
  },
  {
    // The pure core (the flow's state machine and the checks of entries) imports nothing impure,
    // not even through from-main.ts; scripts/unit-tests.mjs proves it for the whole module graph.
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
            browserOnly(),
            managerFileBoundary(),
            {
              group: ['**/from-main*', '**/views/*', '**/*controller*'],
              allowTypeImports: true,
              message: 'The pure core imports only pure modules (README, „For developers“: flow/).',
            },
          ],
        },
      ],
    },
  },
  {
    // The BFF shares only the protocol leaf with the widgets, bundled into its own dist.
    files: ['packages/bff/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(\.\./)+src/(?!shared/bff-protocol\.js$)|^lit(/|$)|^oidc-client-ts$`,
              message: 'The BFF takes from the widgets only src/shared/bff-protocol.ts (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // A preload a test gives a child process with NODE_OPTIONS=--require: CommonJS in Node.
    files: ['test/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', setImmediate: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
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
