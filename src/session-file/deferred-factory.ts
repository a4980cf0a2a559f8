import { DeferredSession } from '../auth/deferred-session.js';
import type { SessionFactory } from '../auth/session-factory.js';
import { loadSessionFactory } from './loader.js';

/**
 * The sessions of the script for CMS pages: it builds this in place of
 * auth/session-factory.ts (vite.config.ts), so that the first file holds no
 * session code; each session comes from the session's file when it is there.
 */
export const createSession: SessionFactory = (config) => new DeferredSession(config, loadSessionFactory);

export type { SessionFactory };
