import { css } from 'lit';

export const managerStyles = css`
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
    color: var(--bp-color-hint, #4a4a4a);
    margin: 0 0 0.4em;
  }
  .error {
    color: var(--bp-color-error, #b00020);
    font-weight: 700;
    margin: 0 0 0.4em;
  }
  .field.invalid,
  fieldset.invalid {
    border-inline-start: 4px solid var(--bp-color-error, #b00020);
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
    border: 2px solid var(--bp-color-border, #5a5a5a);
    border-radius: var(--bp-radius, 4px);
    background: var(--bp-color-surface, #ffffff);
    color: inherit;
    letter-spacing: normal;
    text-transform: none;
  }
  input.short {
    max-width: 14em;
  }
  input[aria-invalid='true'] {
    border-color: var(--bp-color-error, #b00020);
  }
  input:disabled {
    background: #f0f0f0;
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
    accent-color: var(--bp-color-primary, #005ca9);
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
    border: 3px solid var(--bp-color-error, #b00020);
    padding: 0.75em 1em;
    margin: 0 0 1.25em;
  }
  .error-summary:focus {
    outline: var(--bp-focus-width, 3px) solid var(--bp-color-focus, #0b5cd5);
    outline-offset: 2px;
  }
  .error-summary h3 {
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
    color: var(--bp-color-error, #b00020);
    font-weight: 700;
  }
  .banner {
    border-inline-start: 4px solid var(--bp-color-error, #b00020);
    background: var(--bp-color-error-bg, #fdf0f2);
    padding: 0.6em 0.9em;
    margin: 0 0 1em;
  }
  .items li,
  .choices li {
    border: 1px solid var(--bp-color-border, #5a5a5a);
    border-radius: var(--bp-radius, 4px);
    padding: 0.75em 1em;
    margin: 0 0 0.75em;
  }
  .items li.pending {
    border-inline-start: 4px solid var(--bp-color-primary, #005ca9);
  }
  .item-title {
    margin: 0 0 0.25em;
    font-size: 1.1em;
  }
  a[href^='tel:'] {
    white-space: nowrap;
  }
  .auto-linked li {
    margin: 0.3em 0;
  }
  .summary {
    margin: 0 0 1em;
  }
  .summary div {
    border-bottom: 1px solid var(--bp-color-border, #5a5a5a);
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
    color: var(--bp-color-link, #0b4fb3);
    text-decoration: underline;
    min-height: 2.75em;
    padding: 0 0.25em;
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
    .error-summary,
    .banner,
    .field.invalid,
    .items li {
      border-color: CanvasText;
    }
  }
`;
