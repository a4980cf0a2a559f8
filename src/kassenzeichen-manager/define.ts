import { defineOnce } from '../shared/define.js';
import { KassenzeichenManager } from './kassenzeichen-manager.js';

defineOnce('kassenzeichen-manager', KassenzeichenManager);

export { KassenzeichenManager };
