/** Adds the texts in Leichte Sprache up front (they also load by themselves): `import 'buergerportal-widgets/i18n/de-x-ls'`. */
import { deLs } from './de-x-ls.js';
import { registerMessages } from './localize.js';

registerMessages('de-x-ls', deLs);
