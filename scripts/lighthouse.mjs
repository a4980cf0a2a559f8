// npm run lighthouse: Lighthouse (mobile and desktop) on the city test page with the
// built files and the guide's keep-space stylesheet, served as a city's web server
// would (gzip, long-cached scripts). Not part of npm test: Lighthouse comes through
// npx (npm registry) and its scores depend on the machine. Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { chromiumPath } from './chromium.mjs';
import { startE2eServer } from '../test/e2e/server.mjs';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

function sourceOf(path) {
  if (path === '/pages/keep-space.css') return 'cms/keep-space.css';
  if (path.startsWith('/dist/')) return path.slice(1);
  if (path.startsWith('/pages/')) return `test/e2e${path}`;
  return undefined;
}

const world = await startE2eServer({ scenario: 'returning' });
const site = createServer(async (req, res) => {
  const file = sourceOf(new URL(req.url, 'http://site').pathname);
  try {
    if (!file) throw new Error('not found');
    let body = await readFile(file);
    if (file.endsWith('.html')) body = Buffer.from(body.toString('utf8').replaceAll('{{ORIGIN}}', world.origin));
    res.writeHead(200, {
      'Content-Type': TYPES[file.split('.').pop()] ?? 'application/octet-stream',
      'Content-Encoding': 'gzip',
      'Cache-Control': file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000',
    });
    res.end(gzipSync(body));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${site.address().port}/pages/city.html`;

console.log('| Lighthouse on the city page | performance | accessibility | FCP | LCP | TBT | CLS |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, extra] of [
  ['mobile', []],
  ['desktop', ['--preset=desktop']],
]) {
  // Asynchronous: the page's server runs in this process and must keep answering.
  const run = await runLighthouse([
    '--yes',
    LIGHTHOUSE,
    url,
    ...extra,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
    '--only-categories=performance,accessibility',
    '--output=json',
    '--output-path=stdout',
    '--quiet',
  ]);
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exitCode = 1;
    continue;
  }
  const report = JSON.parse(run.stdout);
  const audit = (id) => report.audits[id].displayValue;
  const score = (id) => Math.round(report.categories[id].score * 100);
  console.log(
    `| ${name} | ${score('performance')} | ${score('accessibility')} | ${audit('first-contentful-paint')} | ${audit('largest-contentful-paint')} | ${audit('total-blocking-time')} | ${audit('cumulative-layout-shift')} |`,
  );
}
site.close();
await world.close();

function runLighthouse(args) {
  return new Promise((resolve) => {
    const child = spawn('npx', args, { env: { ...process.env, CHROME_PATH: chromiumPath() } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
