/*
 * The login usually stands in a page header, coloured or white: its own text
 * and links take the header's colour; what it paints (buttons, notices,
 * dialog) brings its own background.
 */
export const loginCss = /* css */ `
  :host {
    color: var(--bp-color-text, inherit) !important;
  }
  .signed-in {
    display: flex;
    flex-wrap: wrap;
    gap: var(--bp-space, 0.75em);
    align-items: center;
  }
  .signed-in p {
    margin: 0;
  }
  .sign-out-hint {
    margin: 0.5em 0 0;
  }
  :host([compact]) .actions {
    margin: 0;
  }
  .compact {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em var(--bp-space, 0.75em);
    align-items: center;
  }
  .compact p {
    margin: 0;
  }
  dialog {
    max-width: min(32em, calc(100vw - 2em));
    border: 2px solid var(--_primary);
    border-radius: var(--bp-radius, 4px);
    padding: 1.25em;
    color: var(--_on-surface);
    background: var(--_surface);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
`;
