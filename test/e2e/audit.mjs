import { createRequire } from 'node:module';

/*
 * Two accessibility engines inside the page: axe-core and IBM's
 * accessibility-checker-engine (it finds things axe does not). Both look into
 * open shadow roots. A finding is one line naming the rule and the place.
 */

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const ACE = require.resolve('accessibility-checker-engine/ace.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Findings of both engines on the page as it is now; `[]` means nothing found. */
export async function audit(page) {
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() => ({ axe: 'axe' in window, ace: 'ace' in window }));
  if (!loaded.axe) await page.addScriptTag({ path: AXE });
  if (!loaded.ace) await page.addScriptTag({ path: ACE });
  const axe = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map(
      (v) => `axe ${v.id} (${v.impact}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
    );
  }, AXE_TAGS);
  const ace = await page.evaluate(async () => {
    const report = await new window.ace.Checker().check(document, ['WCAG_2_2']);
    return report.results
      .filter((r) => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL')
      .map((r) => `ace ${r.ruleId}: ${r.path.dom} – ${r.message}`);
  });
  return [...axe, ...ace];
}

/** The focused element, looked for through shadow roots, as `tag#id "name"` with the custom element it sits in. */
export function describeFocus(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    const hosts = [];
    while (active?.shadowRoot?.activeElement) {
      hosts.push(active.localName);
      active = active.shadowRoot.activeElement;
    }
    const name = (active?.getAttribute('aria-label') ?? active?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return { tag: active?.localName ?? 'none', host: hosts.at(-1) ?? null, name };
  });
}
