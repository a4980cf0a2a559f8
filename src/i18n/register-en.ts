/** Adds English texts: `import 'buergerportal-widgets/i18n/en'`. */
import { en } from './en.js';
import { registerMessages } from './localize.js';

registerMessages('en', en);
