/* For tests and for embedding in another Node server: the BFF without its process. */
export { createBffApp, ANTI_FORGERY_HEADER } from './app.js';
export { readBffConfig } from './config.js';
export { jsonLogger } from './log.js';
export { MemoryStore } from './memory-store.js';
export { RedisStore } from './redis-store.js';
export { SealedStore, seal, unseal } from './sealed-store.js';
export { matchContract } from './contract.js';
export { CONTRACT_ROUTES } from './contract-routes.js';
export { checkPasswordAsked } from './identity-provider.js';
export { createBffServer, REQUEST_TIMEOUTS } from './http-server.js';
export { drain } from './shutdown.js';
export { prometheusMetrics } from './metrics.js';
export { StoreUnavailableError } from './store.js';
