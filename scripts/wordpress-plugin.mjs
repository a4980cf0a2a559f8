// Writes the WordPress plugin cms/wordpress/buergerportal-widgets/buergerportal-widgets.php.
// The tags and attributes it lets through kses come from custom-elements.json,
// so the plugin cannot drift from the elements; a test compares.
// Usage: node scripts/wordpress-plugin.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementsOf } from './manifest-elements.mjs';

export const PLUGIN_PATH = 'cms/wordpress/buergerportal-widgets/buergerportal-widgets.php';

/**
 * Where the citizen signs in and where the token and entries go: only the
 * site's administrators set these (roles with unfiltered_html, whose posts kses
 * does not filter); the login in the theme and the declared backend serve the
 * tags a contributor writes. `sign-out-method` too: `get` puts the ID token into addresses (logs, history). `resource` too: it names the audience the access token is for.
 */
export const ADMIN_ONLY_ATTRIBUTES = ['authority', 'client-id', 'backend-url', 'bff-url', 'sign-out-method', 'resource', 'max-age'];

/** Tag name → attribute names (lower case, as kses wants them) that anyone who may post may set, from the manifest. */
export function allowedTags(manifest) {
  const tags = {};
  for (const element of elementsOf(manifest)) {
    tags[element.tagName] = ['id', 'class', ...(element.attributes ?? []).map((attribute) => attribute.name)]
      .map((name) => name.toLowerCase())
      .filter((name) => !ADMIN_ONLY_ATTRIBUTES.includes(name));
  }
  return tags;
}

const phpList = (names) => names.map((name) => `'${name}'`).join(', ');

export function renderPlugin(manifest, version) {
  const tags = allowedTags(manifest);
  const entries = Object.entries(tags)
    .map(([tag, attributes]) => `        '${tag}' => array(${phpList(attributes)}),`)
    .join('\n');
  return `<?php
/**
 * Plugin Name: Bürgerportal-Elemente
 * Description: Lädt <servicekonto-login> und <kassenzeichen-manager> als Modul und lässt beide Tags in Beiträgen und Seiten stehen – auch für Redakteurinnen und Redakteure ohne die Berechtigung unfiltered_html (auf einer Multisite: alle außer Super-Admins); diese setzen aber nicht, wohin angemeldet und gesendet wird (${ADMIN_ONLY_ATTRIBUTES.join(', ')}). Die Backends, an die die Elemente senden dürfen, stehen unter Einstellungen → Allgemein.
 * Version: ${version}
 * Requires at least: 5.9
 * Requires PHP: 7.4
 * License: EUPL-1.2
 *
 * Erzeugt aus custom-elements.json (npm run manifest); bitte nicht von Hand ändern.
 * Die Dateien dist/buergerportal-widgets*.js (die Skriptdatei und die Dateien, die sie
 * nachlädt: …login.js, …session.js, …manager.js, …oidc.js, …en.js, …de-x-ls.js) gehören in den Unterordner dist/
 * dieses Plugins (die Mediathek nimmt keine .js-Dateien an).
 */

defined('ABSPATH') || exit;

const BUERGERPORTAL_WIDGETS_HANDLE = 'buergerportal-widgets';

/** Die Tags und die Attribute, die kses stehen lässt. */
function buergerportal_widgets_tags() {
    return array(
${entries}
    );
}

const BUERGERPORTAL_WIDGETS_BACKENDS_OPTION = 'buergerportal_widgets_backends';

/** Die Backends, an die die Elemente Token und Eingaben senden dürfen (Einstellungen → Allgemein; Filter buergerportal_widgets_backends). */
function buergerportal_widgets_backends() {
    $urls = preg_split('/\\s+/', (string) get_option(BUERGERPORTAL_WIDGETS_BACKENDS_OPTION, ''), -1, PREG_SPLIT_NO_EMPTY);
    $urls = array_filter($urls, function ($url) {
        return (bool) preg_match('#^https?://[^\\s"\\x27<>]+$#', $url);
    });
    return array_values(apply_filters('buergerportal_widgets_backends', $urls));
}

// Im Kopf der Seite, den Beiträge nicht erreichen: nur dorthin gehen Token und Eingaben (außer zur eigenen Adresse der Seite).
add_action('wp_head', function () {
    $backends = buergerportal_widgets_backends();
    if ($backends) {
        echo '<meta name="buergerportal-widgets-backends" content="' . esc_attr(implode(' ', $backends)) . '">' . "\\n";
    }
}, 1);

add_action('admin_init', function () {
    register_setting('general', BUERGERPORTAL_WIDGETS_BACKENDS_OPTION, array('type' => 'string', 'sanitize_callback' => 'sanitize_textarea_field', 'default' => ''));
    add_settings_field(BUERGERPORTAL_WIDGETS_BACKENDS_OPTION, 'Bürgerportal: freigegebene Backends', function () {
        printf(
            '<textarea name="%1$s" id="%1$s" rows="2" class="large-text code">%2$s</textarea><p class="description">%3$s</p>',
            esc_attr(BUERGERPORTAL_WIDGETS_BACKENDS_OPTION),
            esc_textarea((string) get_option(BUERGERPORTAL_WIDGETS_BACKENDS_OPTION, '')),
            'Adressen der Backends (backend-url) bzw. des BFF, eine je Zeile, z. B. https://buergerportal.stadt.example/api. Andere Adressen bekommen weder das Token noch die Eingaben der Bürgerinnen und Bürger.'
        );
    }, 'general', 'default', array('label_for' => BUERGERPORTAL_WIDGETS_BACKENDS_OPTION));
});

/** Die Skriptdatei lädt ihre weiteren Dateien (…login.js, …session.js, …manager.js, …oidc.js) selbst aus demselben Ordner. */
function buergerportal_widgets_script_url() {
    return plugins_url('dist/buergerportal-widgets.js', __FILE__);
}

add_action('wp_enqueue_scripts', function () {
    // WordPress 6.5 und neuer: als Skriptmodul.
    if (function_exists('wp_enqueue_script_module')) {
        wp_enqueue_script_module(BUERGERPORTAL_WIDGETS_HANDLE, buergerportal_widgets_script_url(), array(), null);
        return;
    }
    // Ältere Versionen (z. B. 6.1 aus Debian 12): als Skript, das der Filter unten zum Modul macht.
    wp_enqueue_script(BUERGERPORTAL_WIDGETS_HANDLE, buergerportal_widgets_script_url(), array(), null, true);
});

add_filter('script_loader_tag', function ($tag, $handle) {
    if ($handle !== BUERGERPORTAL_WIDGETS_HANDLE) {
        return $tag;
    }
    $tag = preg_replace('/\\s+type=([\\'"])[^\\'"]*\\1/', '', $tag);
    return preg_replace('/<script\\b/', '<script type="module"', $tag, 1);
}, 10, 2);

add_filter('wp_kses_allowed_html', function ($tags, $context) {
    if ($context !== 'post') {
        return $tags;
    }
    foreach (buergerportal_widgets_tags() as $tag => $attributes) {
        $tags[$tag] = array_fill_keys($attributes, true);
    }
    // Die Slots: <div slot="consent-text">…</div> (Rechtstext), <ul slot="services">…</ul> (Dienste der Stadt).
    foreach (array('div', 'ul') as $container) {
        $tags[$container] = array_merge(isset($tags[$container]) ? $tags[$container] : array(), array('slot' => true));
    }
    return $tags;
}, 10, 2);
`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  mkdirSync(dirname(PLUGIN_PATH), { recursive: true });
  writeFileSync(PLUGIN_PATH, renderPlugin(manifest, version));
  console.log(`wrote ${PLUGIN_PATH}`);
}
