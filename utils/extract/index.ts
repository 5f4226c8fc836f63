/**
 * Citation extraction: what an article page cites, claim by claim. Pure over a `Document`
 * (standard DOM only: it runs in Chrome, Firefox, happy-dom and jsdom).
 */
export { extractCitations, locateCitations, type LocatedCitations } from './locate';
export { hasCitationHints } from './hints';
export { watchCitations, isPageMutation } from './watch';
export { citationsKey } from './key';
export { BADGE_TAG } from './config';
export * from './types';
