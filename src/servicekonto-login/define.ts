import { defineOnce } from '../shared/define.js';
import { ServicekontoLogin } from './servicekonto-login.js';

defineOnce('servicekonto-login', ServicekontoLogin);

export { ServicekontoLogin };
