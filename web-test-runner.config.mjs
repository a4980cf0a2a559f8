import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';

/** Serves msw's worker at the root so that its scope covers every test page. */
const serveMockServiceWorker = (context, next) => {
  if (context.path === '/mockServiceWorker.js') context.path = '/public/mockServiceWorker.js';
  return next();
};

export default {
  // test/unit: the pure core, run by Node (npm run test:unit).
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/unit/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  middleware: [serveMockServiceWorker],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
    }),
  ],
  // One test page at a time: msw reloads a page that is not yet controlled by its service worker
  // when another page has just registered it, which the runner reports as an interruption.
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
};
