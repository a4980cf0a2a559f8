import { defineOnce } from './from-main.js';
import { KassenzeichenManager } from './kassenzeichen-manager.js';

defineOnce('kassenzeichen-manager', KassenzeichenManager);

export { KassenzeichenManager };
