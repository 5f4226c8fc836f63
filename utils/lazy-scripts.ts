/**
 * Where the card script (entrypoints/card.ts) leaves its renderer for the content script: both
 * run in the tab's content-script world, which the page's own scripts cannot see.
 */
export const CARD_RENDERER_KEY = '__citecheckCardRenderer';

/** The card script's file, as the background injects it. */
export const CARD_SCRIPT = '/card.js';
