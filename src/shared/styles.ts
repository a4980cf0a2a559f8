import { css } from 'lit';

/**
 * Styles both elements share. Sizes are in px on the host and em inside, so
 * that a page's `html { font-size: 10px }` cannot shrink the text; inherited
 * properties that hostile page styles might set are reset on the host.
 */
export const baseStyles = css`
  /* !important on the host wins over a page's !important rules (the inner context's important rules come first). */
  :host {
    display: block !important;
    box-sizing: border-box !important;
    font-family: var(--bp-font-family, inherit);
    font-size: var(--bp-font-size, 16px) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-align: start !important;
    text-indent: 0 !important;
    white-space: normal !important;
    color: var(--bp-color-text, #1b1b1b) !important;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
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
  h3 {
    font-family: inherit;
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0 0 0.75em;
    color: inherit;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: var(--bp-focus-width, 3px) solid var(--bp-color-focus, #0b5cd5);
    outline-offset: 2px;
  }
  a {
    color: var(--bp-color-link, #0b4fb3);
    text-decoration: underline;
    /* A target of at least 24 px even for a link in running text (WCAG 2.5.8). */
    display: inline-block;
    min-height: 1.6em;
  }
  button {
    font: inherit;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.5em 1.1em;
    margin: 0;
    border-radius: var(--bp-radius, 4px);
    border: 2px solid var(--bp-color-primary, #005ca9);
    background: var(--bp-color-primary, #005ca9);
    color: var(--bp-color-on-primary, #ffffff);
    cursor: pointer;
    text-transform: none;
    letter-spacing: normal;
    line-height: 1.3;
  }
  button.secondary {
    background: var(--bp-color-surface, #ffffff);
    color: var(--bp-color-primary, #005ca9);
  }
  button[disabled],
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  :is(a, button, input, select, textarea, [tabindex]):focus-visible {
    outline: var(--bp-focus-width, 3px) solid var(--bp-color-focus, #0b5cd5);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--bp-space, 0.75em);
    align-items: center;
    margin: 0 0 0.75em;
  }
  .notice {
    border-inline-start: 4px solid var(--bp-color-primary, #005ca9);
    padding: 0.5em 0.75em;
    background: var(--bp-color-notice-bg, #eef4fb);
    margin: 0 0 0.75em;
  }
  /* An empty status line stays in the accessibility tree (so its next text is announced) but takes no room. */
  .notice:empty {
    border: 0;
    padding: 0;
    margin: 0;
    background: none;
  }
  .config-error {
    border: 3px solid var(--bp-color-error, #b00020);
    padding: 0.75em 1em;
    background: var(--bp-color-surface, #ffffff);
  }
  .config-error ul {
    margin: 0.5em 0;
    padding-inline-start: 1.25em;
  }
  @media (forced-colors: active) {
    button {
      border: 2px solid ButtonText;
    }
    .notice,
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
