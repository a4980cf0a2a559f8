import { deLogin } from './de-login.js';
import { deManager } from './de-manager.js';
import type { Messages } from './messages.js';

/** The whole German catalog: the source of every other language. */
export const de: Messages = { ...deLogin, manager: deManager };
