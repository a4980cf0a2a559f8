import { resolve as resolvePath } from 'node:path';
import MagicString from 'magic-string';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { banner } from './scripts/third-party-notices.mjs';
import { createDemoBff, DEMO_BFF_CLIENT } from './scripts/demo-bff.js';
import { inPlaceOf, takeFromFirstFile, takeFromFirstView, takeFromMain } from './scripts/manager-file.mjs';
import packageJson from './package.json' with { type: 'json' };

const DEMO_PORT = 5173;

/**
 * Mounts a real OpenID provider at /oidc on the dev server: the demo signs in
 * without outside services. It is made for the origin the browser uses (any
 * port, `localhost` or `127.0.0.1`), so `npm start -- --port 5180` works end to end.
 * BFF mode (`/demo/?mode=bff`) adds the real BFF at /bff and the mock backend at /backend.
 * The provider is imported by the dev server only: `vite build` does not need
 * it, and oidc-provider prints a warning on Node 20 as soon as it is imported.
 */
function devIdentityProvider(): Plugin {
  return {
    name: 'buergerportal-dev-identity-provider',
    async configureServer(server) {
      // An address, not a literal path: Vite bundles the config file and would hoist a literal import to the top.
      const { createDevIdentityProvider } = (await import(
        new URL('./scripts/dev-identity-provider.mjs', import.meta.url).href
      )) as typeof import('./scripts/dev-identity-provider.mjs');
      const services = new Map<string, { idp: ReturnType<typeof createDevIdentityProvider>; bff: ReturnType<typeof createDemoBff> }>();
      const servicesFor = (origin: string) => {
        let found = services.get(origin);
        if (!found) {
          const idp = createDevIdentityProvider({
            issuer: `${origin}/oidc`,
            clientId: 'buergerportal-demo',
            redirectUris: [`${origin}/demo/`, `${origin}/demo/index.html`],
            bff: { ...DEMO_BFF_CLIENT, publicUrls: [`${origin}/bff`] },
          });
          found = { idp, bff: createDemoBff(origin, idp) };
          services.set(origin, found);
        }
        return found;
      };
      server.middlewares.use((req, res, next) => {
        const origin = `http://${req.headers.host ?? `localhost:${DEMO_PORT}`}`;
        if (req.url?.startsWith('/oidc')) return servicesFor(origin).idp.handle(req, res);
        if (/^\/(bff|backend|demo-backend)\//.test(req.url ?? '')) return servicesFor(origin).bff(req, res);
        if (req.url === '/') {
          res.writeHead(302, { Location: '/demo/' });
          return res.end();
        }
        next();
      });
      server.httpServer?.once('listening', () => {
        const url = server.resolvedUrls?.local[0] ?? `http://localhost:${DEMO_PORT}/`;
        setTimeout(() => server.config.logger.info(`\n  Demo: ${url}demo/  (Anmeldung: beliebiger Name, beliebiges Passwort)\n`), 0);
      });
    },
  };
}

/**
 * Strips comments and runs of whitespace from Lit's css`…` templates and from
 * the plain CSS strings (marked with a css comment) the first view shares, which
 * the JS minifier leaves alone (they are strings to it). The style files hold
 * no `${…}` interpolations, so the whole literal is plain CSS. It returns a
 * source map of its change: without one, rolldown warns SOURCEMAP_BROKEN for
 * every style file and the shipped maps point beside the source.
 */
function minifyCssTemplates(): Plugin {
  return {
    name: 'buergerportal-minify-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*(styles|-css)\.ts$/.test(id)) return null;
      const edited = new MagicString(code);
      for (const match of code.matchAll(/(css|\/\* css \*\/ )`([^`]*)`/g)) {
        if (!match[2]) continue;
        const start = match.index + match[1].length + 1;
        edited.overwrite(start, start + match[2].length, minifyCss(match[2]));
      }
      return edited.hasChanged() ? { code: edited.toString(), map: edited.generateMap({ hires: true, source: id }) } : null;
    },
  };
}

function minifyCss(body: string): string {
  return body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/\s+!important/g, '!important')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * The script for CMS pages builds its sessions in the first file as stand-ins
 * (session-file/deferred-factory.ts) for the real ones in the session's file.
 */
function deferSessions(): Plugin {
  const real = resolvePath('src/auth/session-factory.ts');
  return inPlaceOf('buergerportal-defer-sessions', real, 'session-factory', resolvePath('src/session-file/deferred-factory.ts'));
}

/**
 * The script for CMS pages, the one file a page includes: without Lit, it
 * paints the signed-out view and begins what must not wait (src/first-view/);
 * beside it come the login's file (Lit and the element), the session's file
 * and the manager's file (when a manager is on the page), all asked for at once.
 */
const bundle: UserConfig['build'] = {
  outDir: 'dist',
  emptyOutDir: false,
  copyPublicDir: false,
  target: 'es2022',
  // Library mode keeps whitespace when Vite minifies; rolldown's own minifier removes it.
  minify: true,
  sourcemap: true,
  lib: { entry: 'src/first-view/entry.ts', formats: ['es'], fileName: () => 'buergerportal-widgets.js' },
  // No third-party code in it (the test of the bundle checks).
  rolldownOptions: { output: { minify: true, postBanner: banner({ thirdParty: false }), codeSplitting: false } },
};

/**
 * The login's file, loaded by the first file: Lit, `<servicekonto-login>` with a
 * stand-in for the session, the loaders of the session's and the manager's
 * files, and the languages beside it. It takes from the first file what that holds.
 */
const loginFile: UserConfig['build'] = {
  ...bundle,
  lib: { entry: 'src/script.ts', formats: ['es'], fileName: () => 'buergerportal-widgets.login.js' },
  rolldownOptions: { output: { minify: true, postBanner: banner(), chunkFileNames: 'buergerportal-widgets.[name].js' } },
};

/**
 * The session's file, loaded by the main file beside itself: both kinds of
 * session, the API client and the manager's set-up; and beside it oauth4webapi
 * (the protocol module, loaded once the page is idle, at the first sign-in click,
 * a renewal or sign-out). It takes Lit, the login's configuration and the rest from the main file.
 */
const sessionFile: UserConfig['build'] = {
  ...loginFile,
  lib: { entry: 'src/session-file/entry.ts', formats: ['es'], fileName: () => 'buergerportal-widgets.session.js' },
};

/** The manager's own file, loaded by the main file when a manager is on the page; it takes Lit and the rest from there. */
const managerFile: UserConfig['build'] = {
  ...bundle,
  lib: { entry: 'src/kassenzeichen-manager/define.ts', formats: ['es'], fileName: () => 'buergerportal-widgets.manager.js' },
  rolldownOptions: { output: { minify: true, postBanner: banner(), codeSplitting: false } },
};

/** The same as one file with everything inlined, for sites that want to place a single file. */
const single: UserConfig['build'] = {
  ...bundle,
  lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'buergerportal-widgets.bundle.js' },
  rolldownOptions: { output: { minify: true, postBanner: banner(), codeSplitting: false } },
};

/** ES modules for bundler users: one file per source module, dependencies left to the bundler. */
const modules: UserConfig['build'] = {
  outDir: 'dist/esm',
  emptyOutDir: true,
  copyPublicDir: false,
  target: 'es2022',
  minify: false,
  sourcemap: true,
  lib: {
    entry: {
      index: 'src/index.ts',
      'servicekonto-login/define': 'src/servicekonto-login/define.ts',
      'kassenzeichen-manager/define': 'src/kassenzeichen-manager/define.ts',
      'i18n/register-en': 'src/i18n/register-en.ts',
      'i18n/register-de-x-ls': 'src/i18n/register-de-x-ls.ts',
    },
    formats: ['es'],
  },
  rolldownOptions: {
    external: [/^lit($|\/)/, /^@lit\//, /^oauth4webapi$/],
    output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
  },
};

const modePlugins: Record<string, Plugin[]> = {
  login: [deferSessions(), takeFromFirstView()],
  manager: [takeFromMain()],
  session: [takeFromFirstFile()],
};

export default defineConfig(({ mode }) => ({
  server: { port: DEMO_PORT, host: 'localhost', open: false },
  plugins: [devIdentityProvider(), minifyCssTemplates(), ...(modePlugins[mode] ?? [])],
  define: { __BUERGERPORTAL_VERSION__: JSON.stringify(packageJson.version) },
  build: { modules, single, login: loginFile, manager: managerFile, session: sessionFile }[mode] ?? bundle,
}));
