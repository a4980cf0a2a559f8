/* global innerWidth, scrollTo */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit } from './audit.mjs';
import { useDemo, signInAtProvider, watchPage } from './browser.mjs';

/* Review of issue 24, item 5: the demo's switches at 375 px – every language with and without compact, signed out and signed in. */
const demo = useDemo(5392);

const LABEL = { de: 'Deutsch', en: 'English', 'de-x-ls': 'Leichte Sprache' };
const overflow = (page) => page.evaluate(() => ({ doc: document.documentElement.scrollWidth, vw: innerWidth }));

test('demo at 375 px: each language × compact, signed out and in', async () => {
  const page = await demo.browser.newPage({ viewport: { width: 375, height: 812 } });
  const problems = watchPage(page);
  const findings = [];
  await page.goto(`${demo.origin}/demo/`);
  await page.locator('kassenzeichen-manager').getByRole('button').first().waitFor();
  const round = async (phase) => {
    for (const lang of ['de', 'en', 'de-x-ls']) {
      for (const compact of [false, true]) {
        await page.getByRole('radio', { name: LABEL[lang] }).check();
        await page.getByLabel('Schmale Kopfzeile').setChecked(compact);
        await page.waitForTimeout(600);
        const tag = `${phase} ${lang} compact=${compact}`;
        await page.evaluate(() => scrollTo(0, 0));
        await page.screenshot({ path: `/tmp/shots/${phase}-${lang}-${compact ? 'compact' : 'full'}.png`, fullPage: false });
        const o = await overflow(page);
        if (o.doc > o.vw) findings.push(`${tag}: page scrolls sideways (${o.doc} > ${o.vw})`);
        for (const f of await audit(page)) findings.push(`${tag}: ${f}`);
      }
    }
  };
  await round('out');
  await page.getByRole('radio', { name: 'Deutsch' }).check();
  await page.getByLabel('Schmale Kopfzeile').setChecked(false);
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zustimmen' }).waitFor();
  await round('in');
  console.log(findings.join('\n'));
  console.log(problems.join('\n'));
  assert.deepEqual(findings, []);
});
