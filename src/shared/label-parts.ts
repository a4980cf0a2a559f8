/**
 * A name such as „Servicekonto.NRW“ may wrap after its dot, so that a button
 * fits a narrow header at 320 px (WCAG 1.4.10) without breaking inside a word:
 * the parts between which a `<wbr>` goes. `<wbr>` changes neither the text nor
 * the accessible name.
 */
export function partsBreakingAfterDots(label: string): string[] {
  return label.split(/(?<=\p{L}\.)(?=\p{L})/u);
}
