/**
 * The one vocabulary of verdicts, shared by the badges, the card, the popup, the toolbar and the
 * exports, so a verdict is called and coloured the same everywhere. One row per kind of claim
 * (`utils/report/verdicts.ts` holds what the core needs: the set, severity, which are judgements);
 * the badge labels and the CSS custom properties are derived from these rows.
 *
 * Colour is never the only carrier of a verdict: every badge and chip also has an icon and a word.
 * Failures to check (unavailable, not checkable, unlinked) share a neutral grey: they say nothing
 * against the article.
 */
import { KIND_ORDER, type ClaimKind } from '../utils/report/verdicts';

interface KindWords {
  /** The word a badge shows next to its icon. */
  word: string;
  /** The phrase of the summary line and the toolbar's tooltip ("5 supported, 2 partly"). */
  phrase: string;
  /** One sentence for the card and the exports. */
  meaning: string;
  /** The badge's accessible name after "Citecheck: ", given the cited sources' names; it holds the badge's word. */
  label: (names: string, markers: readonly string[]) => string;
  /** Accent colours: light theme (also the toolbar badge's colour), dark theme. */
  light: string;
  dark: string;
}

const GREY = { light: '#57606a', dark: '#9aa4af' };

export const KIND_WORDS: Record<ClaimKind, KindWords> = {
  supported: {
    word: 'Supported',
    phrase: 'supported',
    meaning: 'The cited source states what the claim says.',
    label: (names) => `supported by ${names}`,
    light: '#1a7f37',
    dark: '#4ac26b',
  },
  partial: {
    word: 'Partly',
    phrase: 'partly',
    meaning: 'The cited source backs part of the claim; other key parts are missing.',
    label: (names) => `partly supported by ${names}`,
    light: '#9a6700',
    dark: '#d8a936',
  },
  unsupported: {
    word: 'Not found',
    phrase: 'not found',
    meaning: 'The cited source does not state the claim’s key content.',
    label: (names) => `not found in ${names}`,
    light: '#bc4c00',
    dark: '#f0883e',
  },
  contradicted: {
    word: 'Contradicted',
    phrase: 'contradicted',
    meaning: 'A passage of the source matches the claim but disagrees on a detail.',
    label: (names) => `contradicted by ${names}`,
    light: '#c8102e',
    dark: '#ff7b72',
  },
  unavailable: {
    word: 'Unavailable',
    phrase: 'source unavailable',
    meaning: 'The cited source could not be read, so the claim could not be checked.',
    label: (names) => `could not check, ${names} unavailable`,
    ...GREY,
  },
  uncheckable: {
    word: 'Not checkable',
    phrase: 'not checkable',
    meaning: 'The cited work has no web link to read (a book, a print report), so the claim cannot be checked here.',
    label: (names) => `not checkable, ${names} has no link to read`,
    ...GREY,
  },
  unlinked: {
    word: 'Unlinked',
    phrase: 'unlinked',
    meaning: 'The marker points at no source in the page’s list.',
    label: (_names, markers) => `unlinked, ${markers.length ? `marker ${markers.join(' ')}` : 'this marker'} points at no source`,
    ...GREY,
  },
  unchecked: {
    word: 'Not checked',
    phrase: 'not checked',
    meaning: 'This claim has not been checked yet; nothing is fetched until you ask.',
    label: (names) => `not checked yet, ${names} not read`,
    light: '#6e7781',
    dark: '#8c959f',
  },
  pending: {
    word: 'Checking',
    phrase: 'checking',
    meaning: 'The cited source is still loading.',
    label: (names) => `checking ${names}`,
    light: '#3b6ea8',
    dark: '#79b8ff',
  },
};

export function kindWord(kind: ClaimKind): string {
  return KIND_WORDS[kind].word;
}

export function kindPhrase(kind: ClaimKind): string {
  return KIND_WORDS[kind].phrase;
}

export function kindMeaning(kind: ClaimKind): string {
  return KIND_WORDS[kind].meaning;
}

/** The toolbar badge's colour (the light-theme accent). */
export function kindColor(kind: ClaimKind): string {
  return KIND_WORDS[kind].light;
}

/** `--cc-supported: light-dark(#1a7f37, #4ac26b); …`: the verdict accents as CSS custom properties. */
export function kindColorProperties(): string {
  return KIND_ORDER.map((kind) => `--cc-${kind}: light-dark(${KIND_WORDS[kind].light}, ${KIND_WORDS[kind].dark});`).join(' ');
}

/** `[data-verdict="supported"] { --cc-accent: var(--cc-supported); }` for every kind. */
export const ACCENT_CSS = KIND_ORDER.map((kind) => `[data-verdict="${kind}"] { --cc-accent: var(--cc-${kind}); }`).join('\n');
