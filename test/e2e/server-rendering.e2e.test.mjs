import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { build } from 'esbuild';
import { useSite, watchPage } from './browser.mjs';

/*
 * Server rendering as Next.js's app router and Nuxt do it: the apps of
 * test/frameworks (the ones the generated types must compile) rendered to
 * HTML by React's and Vue's own server renderers, then hydrated in Chromium
 * by a client bundle (esbuild) that imports the package as an app does.
 * Both servers write camelCase props as attributes under their own names
 * (`clientId="…"`), React 19's hydration sets no property, and Vue's sets none
 * on an element defined after it; the elements must take them all the same.
 * Needs the build (dist/esm); no network.
 */

const OUT = resolve('.tmp/e2e/server-rendering');
const AUTHORITY = 'https://login.stadt.example/realms/buergerportal';
const TAGS = new Set(['servicekonto-login', 'kassenzeichen-manager']);
/** As the README tells Vue and Nuxt users. */
const isCustomElement = (tag) => TAGS.has(tag);

/** An esbuild plugin that compiles a single-file component as @vitejs/plugin-vue does (template inlined; for the server as SSR render). */
function vueFiles(ssr) {
  return {
    name: 'vue-files',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
        const { parse, compileScript } = await import('vue/compiler-sfc');
        const { descriptor } = parse(readFileSync(path, 'utf8'), { filename: path, templateParseOptions: { isCustomElement } });
        const script = compileScript(descriptor, {
          id: 'app',
          inlineTemplate: true,
          templateOptions: { ssr, compilerOptions: { isCustomElement } },
        });
        return { contents: script.content, loader: 'ts' };
      });
    },
  };
}

const shared = {
  bundle: true,
  format: 'esm',
  jsx: 'automatic',
  logLevel: 'error',
  alias: { 'buergerportal-widgets': './dist/esm/index.js' },
};

/** The app for Node: the server renders it. */
async function serverModule(entry, name, plugins = []) {
  const outfile = `${OUT}/${name}.mjs`;
  await build({ ...shared, entryPoints: [entry], platform: 'node', packages: 'external', outfile, plugins });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** The client bundle: elements, framework, app, hydration. */
async function clientBundle(contents, name, plugins = []) {
  await build({
    ...shared,
    stdin: { contents, resolveDir: resolve('.'), loader: 'tsx' },
    platform: 'browser',
    outfile: `${OUT}/${name}.js`,
    define: {
      'process.env.NODE_ENV': '"development"', // React's and Vue's hydration warnings
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true',
    },
    plugins,
  });
}

const page = (body, script) =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8" /><title>Bürgerportal</title><script type="module" src="/${script}.js"></script></head><body><div id="app">${body}</div></body></html>`;

describe('server-rendered React 19 and Vue 3 pages, hydrated', () => {
  const pages = {};
  const site = useSite(
    (req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      if (path === '/favicon.ico') return void res.writeHead(204).end();
      if (pages[path]) return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages[path]);
      if (/^\/[a-z-]+\.js$/.test(path)) {
        return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(`${OUT}${path}`));
      }
      res.writeHead(404).end();
    },
    async () => {
      const [{ renderToString }, { createElement }, { createSSRApp }, { renderToString: renderVue }] = await Promise.all([
        import('react-dom/server'),
        import('react'),
        import('vue'),
        import('vue/server-renderer'),
      ]);

      // React: what Next.js's app router does with a client component – rendered on the server, hydrated in the browser.
      const react = await serverModule('test/frameworks/react-app.tsx', 'react-app');
      pages['/react'] = page(renderToString(createElement(react.App)), 'react-client');
      await clientBundle(
        `import 'buergerportal-widgets';
         import { hydrateRoot } from 'react-dom/client';
         import { App } from './test/frameworks/react-app.tsx';
         hydrateRoot(document.getElementById('app'), <App />, { onRecoverableError: (error) => console.error('recoverable: ' + error.message) });`,
        'react-client',
      );

      // Vue: what Nuxt does – createSSRApp on both sides. Here the elements are defined only after hydration.
      const vue = await serverModule('test/frameworks/App.vue', 'vue-app', [vueFiles(true)]);
      pages['/vue'] = page(await renderVue(createSSRApp(vue.default)), 'vue-client');
      await clientBundle(
        `import { createSSRApp } from 'vue';
         import App from './test/frameworks/App.vue';
         createSSRApp(App).mount('#app');
         await import('buergerportal-widgets');`,
        'vue-client',
        [vueFiles(false)],
      );
    },
  );

  test('both servers write camelCase props as attributes under their own names', () => {
    assert.match(pages['/react'], /<servicekonto-login [^>]*clientId="buergerportal"[^>]*idleTimeout="900"/);
    assert.match(pages['/react'], /<kassenzeichen-manager [^>]*backendUrl="\/api"[^>]*headingLevel="3"/);
    assert.match(pages['/vue'], /<servicekonto-login [^>]*clientId="buergerportal"[^>]*idleTimeout="900"/);
    assert.match(pages['/vue'], /<kassenzeichen-manager [^>]*backend-url="\/api"[^>]*heading-level="3"/);
  });

  test('the package imports on the server: a client component’s module runs there too (Next.js)', async () => {
    const widgets = await import(pathToFileURL(resolve('dist/esm/index.js')).href);
    assert.equal(typeof widgets.ServicekontoLogin, 'function');
  });

  for (const framework of ['react', 'vue']) {
    test(`${framework}: after hydration the signed-out login and the manager, configured as the app says`, async () => {
      const context = await site.browser.newContext();
      const tab = await context.newPage();
      const problems = watchPage(tab);
      tab.on('console', (message) => message.type() === 'warning' && problems.push(`warning: ${message.text()}`));
      await tab.goto(`${site.origin}/${framework}`);

      const login = tab.locator('servicekonto-login');
      const manager = tab.locator('kassenzeichen-manager');
      await login.getByRole('button', { name: 'Mit BundID anmelden' }).waitFor();
      await manager.getByText('melden Sie sich bitte an').waitFor();
      await manager.getByRole('heading', { level: 3 }).first().waitFor();
      // The app's own line, from the listener its effect adds (hydration attaches no `on…` prop of a custom element).
      if (framework === 'react') await tab.getByText('Nicht angemeldet').waitFor();
      const configured = await tab.evaluate(() => {
        const [l, m] = [document.querySelector('servicekonto-login'), document.querySelector('kassenzeichen-manager')];
        const box = (element) => !!element.shadowRoot.querySelector('[part~="config-error"]');
        return {
          login: [l.clientId, l.provider, l.tokenStorage, l.idleTimeout, l.compact, l.state, box(l)],
          manager: [m.login, m.backendUrl, m.headingLevel, box(m)],
        };
      });
      assert.deepEqual(configured, {
        login: ['buergerportal', 'bundid', 'memory', 900, true, 'signed-out', false],
        manager: ['login', '/api', 3, false],
      });

      // The sign-in goes to the app's provider with the app's client: the configuration is the one in use.
      await tab.route(`${AUTHORITY}/**`, (route) => {
        const url = new URL(route.request().url());
        if (url.pathname.endsWith('/.well-known/openid-configuration')) {
          return route.fulfill({
            json: {
              issuer: AUTHORITY,
              authorization_endpoint: `${AUTHORITY}/auth`,
              token_endpoint: `${AUTHORITY}/token`,
              end_session_endpoint: `${AUTHORITY}/logout`,
              jwks_uri: `${AUTHORITY}/jwks`,
            },
            headers: { 'Access-Control-Allow-Origin': '*' },
          });
        }
        return route.fulfill({ contentType: 'text/html', body: '<title>Anmeldedienst</title>' });
      });
      const authorize = tab.waitForRequest((request) => request.url().startsWith(`${AUTHORITY}/auth?`));
      await login.getByRole('button', { name: 'Mit BundID anmelden' }).click();
      assert.equal(new URL((await authorize).url()).searchParams.get('client_id'), 'buergerportal');

      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
