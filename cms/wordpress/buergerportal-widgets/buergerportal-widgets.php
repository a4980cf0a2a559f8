<?php
/**
 * Plugin Name: Bürgerportal-Elemente
 * Description: Lädt <servicekonto-login> und <kassenzeichen-manager> als Modul und lässt beide Tags in Beiträgen und Seiten stehen – auch für Redakteurinnen und Redakteure ohne die Berechtigung unfiltered_html (auf einer Multisite: alle außer Super-Admins); diese setzen aber nicht, wohin angemeldet und gesendet wird (authority, client-id, backend-url, bff-url, sign-out-method, resource, max-age). Die Backends, an die die Elemente senden dürfen, stehen unter Einstellungen → Allgemein.
 * Version: 0.1.0
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
        'kassenzeichen-manager' => array('id', 'class', 'login', 'support-phone', 'kassenzeichen-format', 'heading-level', 'lang'),
        'servicekonto-login' => array('id', 'class', 'redirect-uri', 'post-logout-redirect-uri', 'scope', 'idp-hint', 'provider', 'registration-url', 'token-storage', 'idle-timeout', 'lang', 'compact'),
    );
}

const BUERGERPORTAL_WIDGETS_BACKENDS_OPTION = 'buergerportal_widgets_backends';

/** Die Backends, an die die Elemente Token und Eingaben senden dürfen (Einstellungen → Allgemein; Filter buergerportal_widgets_backends). */
function buergerportal_widgets_backends() {
    $urls = preg_split('/\s+/', (string) get_option(BUERGERPORTAL_WIDGETS_BACKENDS_OPTION, ''), -1, PREG_SPLIT_NO_EMPTY);
    $urls = array_filter($urls, function ($url) {
        return (bool) preg_match('#^https?://[^\s"\x27<>]+$#', $url);
    });
    return array_values(apply_filters('buergerportal_widgets_backends', $urls));
}

// Im Kopf der Seite, den Beiträge nicht erreichen: nur dorthin gehen Token und Eingaben (außer zur eigenen Adresse der Seite).
add_action('wp_head', function () {
    $backends = buergerportal_widgets_backends();
    if ($backends) {
        echo '<meta name="buergerportal-widgets-backends" content="' . esc_attr(implode(' ', $backends)) . '">' . "\n";
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
    $tag = preg_replace('/\s+type=([\'"])[^\'"]*\1/', '', $tag);
    return preg_replace('/<script\b/', '<script type="module"', $tag, 1);
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
