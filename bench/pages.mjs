import { readFileSync } from 'node:fs';
// The bench's pages: the same city page with the two-file script, the one-file script, or the floor.

/** Records in the page when the sign-in button appears, and the layout shift, before any script runs. */
const PROBE = `<script>
  (() => {
    window.__bench = { shift: 0 };
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.shift += entry.value; })
      .observe({ type: 'layout-shift', buffered: true });
    // Ready as a citizen meets it: the sign-in button (not an error box's), enabled, visible,
    // inside the viewport, and what a tap at its centre hits.
    const ready = (button) => {
      if (!button || button.disabled || button.getAttribute('aria-disabled') === 'true') return false;
      if (!/Servicekonto\\.NRW|BundID/.test(button.textContent) || !button.checkVisibility()) return false;
      const box = button.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (box.width === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
      const hit = button.getRootNode().elementFromPoint(x, y);
      return hit === button || button.contains(hit);
    };
    const check = () => {
      const host = document.querySelector('servicekonto-login, floor-login');
      if (ready(host?.shadowRoot?.querySelector('button'))) window.__bench.button = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();
</script>`;

/** The guide's advice against layout shift (cms/keep-space.css): keep the space until the elements have drawn. */
const KEEP_SPACE = `<style>${readFileSync('cms/keep-space.css', 'utf8')}</style>`;

/**
 * The backend declared in the head, as a city whose API lives on another origin
 * does: the bench serves the same page beside its API and apart from it.
 */
const declaredBackend = (origin) => `<meta name="buergerportal-widgets-backends" content="${origin}/api">`;

export function benchPage({ script, floor, origin }) {
  const element = floor
    ? `<floor-login authority="${origin}/oidc" client-id="buergerportal-e2e"></floor-login>`
    : `<servicekonto-login id="login" authority="${origin}/oidc" client-id="buergerportal-e2e"></servicekonto-login>`;
  const manager = floor
    ? ''
    : `<kassenzeichen-manager login="login" heading-level="3" backend-url="${origin}/api"></kassenzeichen-manager>`;
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stadt Musterstadt – Bench</title>${declaredBackend(origin)}${PROBE}${KEEP_SPACE}<link rel="stylesheet" href="/pages/city.css">
<script type="module" src="${script}"></script></head><body>
<header class="city-header"><a class="logo" href="#">Stadt Musterstadt</a>${element}</header>
<main><h1>Bürgerservice</h1><section><h2>Kassenzeichen hinterlegen</h2>${manager}</section>
<section class="filler"><h2>Weitere Informationen</h2><p>Die Grundbesitzabgaben umfassen die Grundsteuer sowie Gebühren.</p></section></main>
</body></html>`;
}
