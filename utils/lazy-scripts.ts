/**
 * Code the content script takes into its world only when a page needs it: the badges once a page
 * has claims, the hover card once the reader first opens one. The background runs the file in the
 * sender's frame (`load-script`); the script leaves what it makes under its key, in the tab's
 * content-script world, which the page's own scripts cannot see. Pages without citations load
 * neither, and the content script every page pays for stays small.
 */
export const LAZY_SCRIPTS = {
  badges: { file: '/badges.js', key: '__citecheckBadgeLayer' },
  card: { file: '/card.js', key: '__citecheckCardRenderer' },
} as const;

export type LazyScript = keyof typeof LAZY_SCRIPTS;
export const LAZY_SCRIPT_NAMES = Object.keys(LAZY_SCRIPTS) as [LazyScript, ...LazyScript[]];
