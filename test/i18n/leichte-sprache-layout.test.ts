import { expect } from '@open-wc/testing';
import '../../src/i18n/register-de-x-ls.js';
import { deLs } from '../../src/i18n/de-x-ls.js';
import { signedInManager } from '../support/manager.js';
import { buttonNamed } from '../support/queries.js';

/*
 * Leichte Sprache on screen (issue 19.9): in `de-x-ls` every sentence of a
 * paragraph starts on a line of its own, the type is larger (1.125 × the
 * citizen's text size) with a line height of at least 1.5, dates read
 * „4. Dezember 2026“ – and axe finds nothing.
 */

/** The tops and lefts of the first character of each sentence in `paragraph`. */
function sentenceStarts(paragraph: Element, sentences: string[]): { top: number; left: number }[] {
  const node = [...paragraph.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.includes(sentences[0]))!;
  const text = node.textContent!;
  return sentences.map((sentence) => {
    const range = document.createRange();
    const at = text.indexOf(sentence);
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const rect = range.getClientRects()[0];
    return { top: rect.top, left: rect.left };
  });
}

describe('<kassenzeichen-manager> in Leichte Sprache (de-x-ls)', () => {
  it('shows one sentence per line, in larger type with a line height of 1.5 or more, dates as „4. Dezember 2026“, axe clean', async () => {
    const { element } = await signedInManager('returning');
    element.lang = 'de-x-ls';
    await element.whenSettled();
    const root = element.shadowRoot!;
    expect(buttonNamed(element, deLs.manager.addButton)).to.exist;

    // The overview's hint about several houses: three sentences.
    const hint = root.querySelector('p.hint:not([role])')!;
    const sentences = hint.textContent!.split(/(?<=[.!?])\s+/);
    expect(sentences.length, hint.textContent!).to.equal(3);
    const starts = sentenceStarts(hint, sentences);
    const lineStart = hint.getBoundingClientRect().left;
    for (const [index, start] of starts.entries()) {
      expect(start.left - lineStart, `sentence ${index + 1} starts at the beginning of a line`).to.be.below(1);
      if (index > 0) expect(start.top, `sentence ${index + 1} below sentence ${index}`).to.be.above(starts[index - 1].top);
    }

    const hostSize = parseFloat(getComputedStyle(element).fontSize);
    const style = getComputedStyle(hint);
    expect(parseFloat(style.fontSize) / hostSize, 'larger type').to.be.at.least(1.125);
    expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize), 'line height').to.be.at.least(1.5);

    expect(root.textContent).to.match(
      /seit \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4} unterwegs/,
    );
    await expect(element).to.be.accessible();
  });

  it("keeps German paragraphs flowing, in the citizen's text size", async () => {
    const { element } = await signedInManager('returning');
    element.lang = 'de';
    await element.whenSettled();
    const paragraph = element.shadowRoot!.querySelector('p.hint')!;
    expect(getComputedStyle(paragraph).whiteSpace).to.equal('normal');
    expect(parseFloat(getComputedStyle(paragraph).fontSize)).to.equal(parseFloat(getComputedStyle(element).fontSize));
  });
});
