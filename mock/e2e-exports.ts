/* What the end-to-end server (plain .mjs) takes from the mock, bundled by esbuild. */
export { MockBackend } from './backend.js';
export { createHttpBackend } from './http-backend.js';
