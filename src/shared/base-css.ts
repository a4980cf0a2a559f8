/**
 * Styles both elements share. The host's size is `medium` – the citizen's
 * browser text size (16 px unless they changed it) – and em inside, so that
 * a page's `html { font-size: 10px }` cannot shrink the text, but the
 * browser's setting enlarges it (WCAG 1.4.4).
 *
 * Colours follow one rule: text that stands directly on the page (the login
 * in a header) takes the page's colour; everything the elements paint
 * themselves (the manager's area, buttons, dialog, notices, boxes, fields)
 * sets both its background and its text colour from one pair of custom
 * properties (surface and on-surface, primary and on-primary). Every text is
 * one of these pairs, so no property can make a text unreadable on its own;
 * the error colour and borders mark, they never carry text. No color-mix():
 * its computed `color(srgb …)` is not read by every contrast checker.
 */
export const baseCss = /* css */ `
  :host {
    --_surface: var(--bp-color-surface, #ffffff);
    --_on-surface: var(--bp-color-on-surface, #1b1b1b);
    --_primary: var(--bp-color-primary, #005ca9);
    --_on-primary: var(--bp-color-on-primary, #ffffff);
    --_error: var(--bp-color-error, #c00020);
    --_border: var(--bp-color-border, var(--_on-surface));
    --_focus-outer: var(--bp-color-focus, #1b1b1b);
    --_focus-inner: var(--bp-color-focus-inner, #ffffff);
    --_focus-width: var(--bp-focus-width, 3px);
  }
  /* !important on the host wins over a page's !important rules (the inner context's important rules come first).
     Letter and word spacing are left to the page, so that text-spacing tools still reach the text (WCAG 1.4.12). */
  :host {
    display: block !important;
    box-sizing: border-box !important;
    font-family: var(--bp-font-family, inherit);
    font-size: var(--bp-font-size, medium) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none !important;
    text-align: start !important;
    text-indent: 0 !important;
    white-space: normal !important;
    /* Words never break inside; only a word longer than its whole line may, as a last resort. */
    overflow-wrap: break-word !important;
    word-break: normal !important;
    hyphens: manual !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Leichte Sprache (the elements' content carries the catalog's lang attribute): larger type and more space between
     lines, on top of the citizen's own text size; its texts put each sentence on a line of its own
     (src/i18n/de-x-ls.ts), and paragraphs keep those breaks. Paragraphs whose template spans lines (the busy
     line, an entry of the list, the status line) are left out. */
  :host > :lang(de-x-ls) {
    font-size: 1.125em;
    line-height: 1.6;
  }
  p:lang(de-x-ls):not(.busy, .visually-hidden, .item p) {
    white-space: pre-line;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  p {
    margin: 0 0 0.75em;
  }
  h2,
  h3,
  h4,
  h5,
  h6 {
    font-family: inherit;
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0 0 0.75em;
    color: inherit;
  }
  [part~='heading']:focus {
    outline: none;
  }
  a {
    color: currentColor;
    text-decoration: underline;
    /* A target of at least 24 px even for a link in running text (WCAG 2.5.8). */
    display: inline-block;
    min-height: 1.6em;
  }
  button {
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.5em 1.1em;
    margin: 0;
    border-radius: var(--bp-radius, 4px);
    border: 2px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
    text-transform: none;
    line-height: 1.3;
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_on-surface);
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  /* Two tones, so that the ring is seen on light and on dark surroundings alike (WCAG 2.4.7, 1.4.11). */
  :is(a, button, input, select, textarea, [tabindex]):focus-visible {
    outline: var(--_focus-width) solid var(--_focus-outer);
    outline-offset: var(--_focus-width);
    box-shadow: 0 0 0 var(--_focus-width) var(--_focus-inner);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--bp-space, 0.75em);
    align-items: center;
    margin: 0 0 0.75em;
  }
  .notice {
    border-inline-start: 4px solid var(--_primary);
    padding: 0.5em 0.75em;
    background: var(--_surface);
    color: var(--_on-surface);
    margin: 0 0 0.75em;
  }
  /* An empty status line stays in the accessibility tree (so its next text is announced) but takes no room. */
  .notice:empty {
    border: 0;
    padding: 0;
    margin: 0;
    background: none;
  }
  .problem {
    border-inline-start: 4px solid var(--_error);
    background: var(--_surface);
    color: var(--_on-surface);
    padding: 0.6em 0.9em;
    margin: 0 0 1em;
  }
  .problem:focus {
    outline: var(--_focus-width) solid var(--_focus-outer);
    outline-offset: var(--_focus-width);
    box-shadow: 0 0 0 var(--_focus-width) var(--_focus-inner);
  }
  .config-error {
    border: 3px solid var(--_error);
    padding: 0.75em 1em;
    background: var(--_surface);
    color: var(--_on-surface);
  }
  .config-error ul {
    margin: 0.5em 0;
    padding-inline-start: 1.25em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    button {
      border: 2px solid ButtonText;
    }
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    .notice,
    .problem,
    .config-error {
      border-color: CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
