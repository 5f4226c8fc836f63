/** Fixed Firefox add-on id: it also lets tests pin the moz-extension:// UUID. */
export const GECKO_ID = 'citecheck@citecheck.dev';
