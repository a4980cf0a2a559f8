import { unsafeCSS } from 'lit';
import { baseCss } from './base-css.js';

/** The styles both elements share (base-css.ts), for Lit; the first view paints with the same text. */
export const baseStyles = unsafeCSS(baseCss);
