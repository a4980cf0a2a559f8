import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { partsBreakingAfterDots } from './label-parts.js';

/**
 * A button that talks to the backend or must wait for it. While it cannot act
 * it is `aria-disabled` and ignores clicks, but keeps focus: a `disabled`
 * button that has focus drops it to `<body>`.
 */
export function busyAwareButton(
  label: string,
  unavailable: boolean,
  run: (() => void) | undefined,
  kind: 'primary' | 'secondary' = 'primary',
  extra: { part?: string; describedBy?: string; ariaLabel?: string; onIntent?: () => void } = {},
): TemplateResult {
  const onClick = (event: Event) => {
    if (unavailable) event.preventDefault();
    else run?.();
  };
  return html`<button
    type=${run ? 'button' : 'submit'}
    class=${kind === 'secondary' ? 'secondary' : ''}
    part=${ifDefined(extra.part)}
    aria-disabled=${ifDefined(unavailable ? 'true' : undefined)}
    aria-describedby=${ifDefined(extra.describedBy)}
    aria-label=${ifDefined(extra.ariaLabel)}
    @click=${onClick}
    @pointerenter=${extra.onIntent}
    @pointerdown=${extra.onIntent}
    @focus=${extra.onIntent}
  >
    ${breakAfterDots(label)}
  </button>`;
}

/** The label with a `<wbr>` after each dot inside a name (label-parts.ts). */
export function breakAfterDots(label: string): unknown[] {
  return partsBreakingAfterDots(label).flatMap((part, i) => (i === 0 ? [part] : [html`<wbr />`, part]));
}
