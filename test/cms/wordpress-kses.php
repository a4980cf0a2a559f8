<?php
// Runs WordPress's own kses and script filters (from Debian's wordpress package)
// with the plugin loaded, without a database: prints JSON for the Node test.
// Usage: php test/cms/wordpress-kses.php <wordpress dir> <plugin file>

[$script, $wordpress, $plugin] = $argv;
define('ABSPATH', rtrim($wordpress, '/') . '/');
define('WPINC', 'wp-includes');
require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/kses.php';
function wp_allowed_protocols() { return array('http', 'https', 'mailto', 'tel'); }
function plugins_url($path, $file) { return 'https://www.stadt.example/wp-content/plugins/buergerportal-widgets/' . $path; }
// The plugin's setting as an administrator saved it, with a line an attacker would try.
function get_option($name, $default = false) {
    return $name === 'buergerportal_widgets_backends' ? "https://buergerportal.stadt.example/api\nhttps://x\" onload=\"alert(1)\n" : $default;
}
require $plugin;

$markup = '<servicekonto-login id="login" authority="https://login.stadt.example/realms/buergerportal" client-id="buergerportal" compact onclick="alert(1)"></servicekonto-login>'
    . '<kassenzeichen-manager login="login" backend-url="https://buergerportal.stadt.example/api" heading-level="3" style="x"><div slot="consent-text"><p>Rechtstext</p></div><ul slot="services"><li><a href="/sepa">SEPA</a></li></ul></kassenzeichen-manager>'
    . '<script>alert(2)</script>';

ob_start();
do_action('wp_head');
$head = ob_get_clean();

echo json_encode(array(
    'post' => wp_kses_post($markup),
    'head' => $head,
    'classic' => apply_filters('script_loader_tag', "<script type='text/javascript' src='https://www.stadt.example/x.js' id='buergerportal-widgets-js'></script>\n", 'buergerportal-widgets', ''),
    'other' => apply_filters('script_loader_tag', "<script src='https://www.stadt.example/y.js' id='other-js'></script>\n", 'other', ''),
));
