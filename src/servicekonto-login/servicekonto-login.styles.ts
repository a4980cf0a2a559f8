import { unsafeCSS } from 'lit';
import { loginCss } from './login-css.js';

/** The login's own styles (login-css.ts), for Lit; the first view paints with the same text. */
export const loginStyles = unsafeCSS(loginCss);
