/**
 * Is a read page the cited content, or a wall, an app shell or too little text to check?
 *
 * Judgement calls:
 * - A paywall, login or cookie wall is a short text plus a wall. A strong sign (a wall phrase such
 *   as "subscribe to continue" inside the readable text, or JSON-LD `isAccessibleForFree: false`)
 *   counts under 400 words of readable text; a weak one (the phrase only elsewhere on the page, a
 *   `paywall` class, a password field: many free pages carry a hidden login box) only under 150,
 *   the size of a teaser. A long article with a "Subscribe" footer is never a paywall.
 * - Text too thin to check ("Loading…") is empty, not "unsupported". When the page is an app
 *   shell (a `<noscript>` asking for JavaScript, an empty or "Loading…" root element of a
 *   script-built page, or a thin text that itself asks for JavaScript) the reason is
 *   `js_required`: the text exists, only not without running the page's scripts.
 */
import type { ReadSource, UnavailableReason } from './types';

/** Under this many readable words, a strong wall sign makes a paywall. */
const PAYWALL_SHORT_WORDS = 400;
/** Under this many (a teaser), a weak sign is enough. */
const PAYWALL_TEASER_WORDS = 150;
const EMPTY_MIN_WORDS = 8;

/** Phrases of subscription, login and cookie walls. */
const WALL_PHRASES = [
  /\bsubscribe (?:now |today )?to (?:continue|read|keep reading|unlock|access|get full access)/i,
  /\b(?:subscribers?|members?)[- ]only\b/i,
  /\bonly (?:available )?(?:to|for) (?:paid |paying )?(?:subscribers|members)\b/i,
  /\balready (?:a )?(?:subscriber|member)\b/i,
  /\b(?:sign|log) ?in to (?:continue|read|view|keep reading|access|see)/i,
  /\b(?:create|register for) (?:a |an )?(?:free )?account to (?:continue|read|keep reading|access)/i,
  /\bregister (?:now )?to (?:continue|read|keep reading)/i,
  /\byou(?:'ve| have) (?:reached|used) (?:your|all your|the) (?:limit|free articles?|article limit)/i,
  /\b(?:remaining|free) articles? (?:left|remaining|this month)\b/i,
  /\bthis (?:article|story|content|page) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members)/i,
  /\bcontinue reading with (?:a )?subscription/i,
  /\b(?:accept|allow|agree to) (?:all )?cookies (?:to|in order to|before)/i,
  /\byou must (?:accept|enable|allow) cookies/i,
  /\bplease (?:enable|accept) cookies\b/i,
  /\bunlock (?:this|the full) (?:article|story)\b/i,
];

const WALL_MARKUP =
  '[class*="paywall"],[id*="paywall"],[class*="Paywall"],[id*="Paywall"],[class*="regwall"],[class*="subscriber-only"],[class*="piano-"],input[type="password"]';

const NEEDS_SCRIPT = /\b(?:enable|turn on|activate|allow) javascript\b|\bjavascript (?:is )?(?:required|disabled|needed)\b|\brequires? javascript\b/i;
const LOADING_ONLY = /^\s*loading\s*(?:\.\.\.|…)?\s*$/i;
/** Mount points of script-built pages (React, Vue, Next, Nuxt, Angular, Svelte…). */
const APP_ROOTS = '#root,#app,#__next,#__nuxt,#svelte,#main-app,[data-reactroot],app-root,[ng-version]';
/** Under this many words, signs of an app shell make the page `js_required`. */
export const SHELL_MAX_WORDS = 50;

export function countWords(text: string): number {
  // Counting with a regex over the whole text is linear, unlike Node 20's Intl.Segmenter.
  const matches = text.match(/[\p{L}\p{N}]+/gu);
  return matches ? matches.length : 0;
}

export interface PaywallSignals {
  /** The readable text (after Readability and boilerplate removal). */
  text: string;
  /** All the page's visible text, walls included (Readability drops them). */
  pageText?: string;
  /** Wall-like markup: a `paywall`/`regwall` class, a password field. Weak: free pages carry these too. */
  wallMarkup?: boolean;
  /** The page declares itself paid (JSON-LD `isAccessibleForFree: false`). */
  declaredPaid?: boolean;
}

/** Is this a subscription, login or cookie wall rather than the cited content? */
export function looksLikePaywall(signals: PaywallSignals): boolean {
  const words = countWords(signals.text);
  if (words >= PAYWALL_SHORT_WORDS) return false;
  if (signals.declaredPaid || WALL_PHRASES.some((phrase) => phrase.test(signals.text))) return true;
  if (words >= PAYWALL_TEASER_WORDS) return false;
  if (signals.wallMarkup) return true;
  // Walls sit at the edges of a page; a long page's middle is not worth scanning.
  const pageText = (signals.pageText ?? '').slice(0, 100_000);
  return WALL_PHRASES.some((phrase) => phrase.test(pageText));
}

/** Why a read page cannot be checked, or null when it can. */
export function unreadableReason(read: ReadSource, truncated: boolean): UnavailableReason | null {
  if (read.paywall) return 'paywall';
  const words = countWords(read.text);
  if (words < SHELL_MAX_WORDS && (read.jsRequired || NEEDS_SCRIPT.test(read.text.trim()))) return 'js_required';
  if (words === 0) return truncated ? 'too_large' : 'empty';
  if (words < EMPTY_MIN_WORDS || LOADING_ONLY.test(read.text)) return 'empty';
  return null;
}

/** Signs, in the page as served, that its text is written by its scripts (see the header). */
export function looksLikeAppShell(doc: Document): boolean {
  for (const noscript of Array.from(doc.querySelectorAll('noscript'))) {
    if (/javascript|\bjs\b/i.test(noscript.textContent ?? '')) return true;
  }
  if (!doc.querySelector('script')) return false;
  for (const root of Array.from(doc.querySelectorAll(APP_ROOTS))) {
    const text = (root.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || LOADING_ONLY.test(text)) return true;
  }
  return false;
}

export function hasWallMarkup(doc: Document): boolean {
  return doc.querySelector(WALL_MARKUP) !== null;
}

export function declaresPaid(doc: Document): boolean {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (/"isAccessibleForFree"\s*:\s*"?false"?/i.test(script.textContent ?? '')) return true;
  }
  return false;
}
