import { css } from 'lit';

export const loginStyles = css`
  .signed-in {
    display: flex;
    flex-wrap: wrap;
    gap: var(--bp-space, 0.75em);
    align-items: center;
  }
  .signed-in p {
    margin: 0;
  }
  dialog {
    max-width: min(32em, calc(100vw - 2em));
    border: 2px solid var(--bp-color-primary, #005ca9);
    border-radius: var(--bp-radius, 4px);
    padding: 1.25em;
    color: inherit;
    background: var(--bp-color-surface, #ffffff);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
`;
