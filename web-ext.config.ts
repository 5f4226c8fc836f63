import { defineWebExtConfig } from 'wxt';

// `wxt dev` would open a headed browser; there is no display on CI or test machines.
export default defineWebExtConfig({ disabled: true });
