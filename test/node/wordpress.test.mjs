import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PLUGIN_PATH, renderPlugin } from '../../scripts/wordpress-plugin.mjs';

/*
 * The WordPress plugin against WordPress's own kses and script filters
 * (Debian's wordpress package, 6.1.9, run by PHP without a database).
 * CI installs both (.ci/run); elsewhere the test says what is missing.
 */

const WORDPRESS = '/usr/share/wordpress';
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const hasPhp = (() => {
  try {
    execFileSync('php', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const available = hasPhp && existsSync(`${WORDPRESS}/wp-includes/kses.php`);
const required = process.env.BUERGERPORTAL_REQUIRE_CMS === '1';
const skip = !available && !required && "needs php-cli and Debian's wordpress package (apt-get install php-cli wordpress)";

test('the WordPress plugin is generated from the current custom-elements.json', () => {
  assert.ok(readFileSync(PLUGIN_PATH, 'utf8') === renderPlugin(manifest, version), `${PLUGIN_PATH} is stale: run \`npm run manifest\``);
});

test(
  "a contributor's post (WordPress's kses) keeps both tags, but not where they sign in or send to; no event handlers, styles or scripts",
  { skip },
  () => {
    const out = JSON.parse(execFileSync('php', ['test/cms/wordpress-kses.php', WORDPRESS, PLUGIN_PATH], { encoding: 'utf8' }));
    assert.equal(
      out.post,
      '<servicekonto-login id="login" compact></servicekonto-login>' +
        '<kassenzeichen-manager login="login" heading-level="3"><div slot="consent-text"><p>Rechtstext</p></div><ul slot="services"><li><a href="/sepa">SEPA</a></li></ul></kassenzeichen-manager>' +
        'alert(2)',
      'authority, client-id, backend-url and bff-url are for administrators (unfiltered_html) only',
    );
    assert.equal(
      out.head,
      '<meta name="buergerportal-widgets-backends" content="https://buergerportal.stadt.example/api">\n',
      'the declared backends in the head, from the setting; anything that is not a plain address is left out',
    );
    assert.equal(
      out.classic,
      "<script type=\"module\" src='https://www.stadt.example/x.js' id='buergerportal-widgets-js'></script>\n",
      'a module, also before 6.5',
    );
    assert.equal(out.other, "<script src='https://www.stadt.example/y.js' id='other-js'></script>\n", 'other scripts untouched');
  },
);

test('without the plugin, kses removes the tags (why the plugin is needed)', { skip }, () => {
  const out = JSON.parse(execFileSync('php', ['test/cms/wordpress-kses.php', WORDPRESS, 'test/cms/no-plugin.php'], { encoding: 'utf8' }));
  assert.ok(!out.post.includes('servicekonto-login'));
});
