import { css } from './from-main.js';

/* The manager paints its own area: every text in it stands on --bp-color-surface. */
export const managerStyles = css`
  :host {
    color: var(--_on-surface) !important;
    background: var(--_surface);
  }
  .field {
    margin: 0 0 1.25em;
  }
  label,
  legend {
    display: block;
    font-weight: 700;
    margin: 0 0 0.25em;
  }
  .hint {
    color: inherit;
    margin: 0 0 0.4em;
  }
  .error {
    color: inherit;
    font-weight: 700;
    margin: 0 0 0.4em;
  }
  .field.invalid,
  fieldset.invalid {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75em;
  }
  input:not([type='radio']) {
    display: block;
    font: inherit;
    width: 100%;
    max-width: 30em;
    min-height: 2.75em;
    padding: 0.4em 0.6em;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: var(--bp-radius, 4px);
    background: var(--_surface);
    color: var(--_on-surface);
    letter-spacing: inherit;
    word-spacing: inherit;
    text-transform: none;
  }
  input.short {
    max-width: 14em;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  input:disabled {
    background: var(--_surface);
    border-style: dashed;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 1.25em;
    min-width: 0;
  }
  .radio {
    display: flex;
    align-items: center;
    gap: 0.6em;
    margin: 0.4em 0;
  }
  .radio input {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .radio label {
    font-weight: 400;
    margin: 0;
    padding: 0.3em 0;
  }
  .radio-hint {
    margin-inline-start: 2.1em;
  }
  .error-summary {
    border: 3px solid var(--_error);
    background: var(--_surface);
    color: var(--_on-surface);
    padding: 0.75em 1em;
    margin: 0 0 1.25em;
  }
  .error-summary:focus {
    outline: var(--_focus-width) solid var(--_focus-outer);
    outline-offset: var(--_focus-width);
    box-shadow: 0 0 0 var(--_focus-width) var(--_focus-inner);
  }
  .error-summary-title > * {
    font-size: 1.1em;
    margin: 0 0 0.5em;
  }
  .error-summary ul,
  .items,
  .choices,
  .auto-linked {
    margin: 0 0 1em;
    padding: 0;
    list-style: none;
  }
  .error-summary li {
    margin: 0.25em 0;
  }
  .error-summary a {
    color: inherit;
    font-weight: 700;
  }
  .items li,
  .choices li {
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_on-surface);
    border-radius: var(--bp-radius, 4px);
    padding: 0.75em 1em;
    margin: 0 0 0.75em;
  }
  .items li.pending {
    border-inline-start: 4px solid var(--_primary);
  }
  .item-title {
    margin: 0 0 0.25em;
    font-size: 1.1em;
  }
  a[href^='tel:'] {
    white-space: nowrap;
  }
  .service-links {
    margin: 0 0 1em;
    padding-inline-start: 1.25em;
  }
  .service-links li {
    margin: 0.25em 0;
  }
  .auto-linked li {
    margin: 0.3em 0;
  }
  .summary {
    margin: 0 0 1em;
  }
  .summary div {
    border-bottom: 1px solid var(--_border);
    padding: 0.4em 0;
  }
  .summary dt {
    font-weight: 700;
  }
  .summary dd {
    margin: 0;
  }
  .busy {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 3px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  button.link {
    background: none;
    border: 0;
    color: inherit;
    text-decoration: underline;
    min-height: 2.75em;
    padding: 0 0.25em;
  }
  @media (forced-colors: active) {
    .error-summary,
    .field.invalid,
    .items li {
      border-color: CanvasText;
    }
  }
`;
