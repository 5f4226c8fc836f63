/**
 * All of Citecheck's CSS, as strings: the in-page badges and card live in shadow roots and must
 * not fetch a stylesheet, and the popup shares the same rules for the parts it has in common.
 *
 * Colour is never the only carrier of a verdict (every chip has an icon and a word). Text keeps
 * the theme's foreground colour and only the icon and border take the verdict's colour, so small
 * text stays readable on any tint. `data-theme` on a `.cc-theme` element forces light or dark;
 * without it, the reader's colour-scheme preference decides. The verdict colours come from the
 * verdict table (`components/verdicts.ts`).
 */
import { ACCENT_CSS, kindColorProperties } from './verdicts';

const LIGHT = `
  --cc-bg: #ffffff;
  --cc-fg: #1f2328;
  --cc-muted: #57606a;
  --cc-border: #d0d7de;
  --cc-subtle: #f4f6f8;
  --cc-mark: #fff0a8;
  --cc-focus: #0b63ce;
  --cc-link: #0b5cbf;
  --cc-shadow: 0 10px 28px rgba(20, 28, 40, 0.18), 0 2px 6px rgba(20, 28, 40, 0.08);
  ${kindColorProperties('light')}
`;

const DARK = `
  --cc-bg: #1d2229;
  --cc-fg: #e6edf3;
  --cc-muted: #9aa4af;
  --cc-border: #3d444d;
  --cc-subtle: #262c35;
  --cc-mark: #5c4a12;
  --cc-focus: #6cb1ff;
  --cc-link: #79b8ff;
  --cc-shadow: 0 10px 28px rgba(0, 0, 0, 0.55), 0 2px 6px rgba(0, 0, 0, 0.35);
  ${kindColorProperties('dark')}
`;

/** Theme tokens and the verdict accent, for any element with class `cc-theme`. */
export const THEME_CSS = `
.cc-theme, .cc-theme[data-theme="light"] { ${LIGHT} color-scheme: light; }
.cc-theme[data-theme="dark"] { ${DARK} color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  .cc-theme:not([data-theme="light"]) { ${DARK} color-scheme: dark; }
}
${ACCENT_CSS}
.cc-icon { width: 1.15em; height: 1.15em; flex: none; color: var(--cc-accent); overflow: visible; }
.cc-spin { transform-origin: 50% 50%; animation: cc-spin 1.1s linear infinite; }
@keyframes cc-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .cc-spin { animation: none; } }
`;

/** The parts the hover card and the popup show alike: chip, score, passage, details. */
export const SHARED_CSS = `
.cc-visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.cc-chip {
  display: inline-flex; align-items: center; gap: 0.35em;
  padding: 0.15em 0.55em 0.15em 0.4em; border-radius: 999px;
  border: 1px solid color-mix(in srgb, var(--cc-accent) 45%, transparent);
  background: color-mix(in srgb, var(--cc-accent) 10%, var(--cc-bg));
  color: var(--cc-fg); font-weight: 600; font-size: 0.92em; line-height: 1.2; white-space: nowrap;
}
.cc-score { display: inline-flex; align-items: center; gap: 0.45em; color: var(--cc-muted); font-size: 0.9em; white-space: nowrap; }
.cc-score-track {
  position: relative; display: inline-block; width: 4.5em; height: 0.45em; border-radius: 999px;
  background: var(--cc-subtle); box-shadow: inset 0 0 0 1px var(--cc-border); overflow: hidden;
}
.cc-score-fill { position: absolute; inset: 0 auto 0 0; border-radius: inherit; background: var(--cc-accent); }
.cc-score-num { font-variant-numeric: tabular-nums; min-width: 2.6em; }
.cc-details { display: grid; gap: 0.7em; }
.cc-meaning { margin: 0; color: var(--cc-muted); }
.cc-label { font-size: 0.78em; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase; color: var(--cc-muted); margin: 0 0 0.2em; }
.cc-quote { margin: 0; padding: 0.1em 0 0.1em 0.7em; border-left: 3px solid var(--cc-border); overflow-wrap: anywhere; }
.cc-passage { border-left-color: var(--cc-accent); }
.cc-passage mark { background: var(--cc-mark); color: inherit; border-radius: 2px; padding: 0 0.05em; }
.cc-judge-quote { text-decoration: underline 2px var(--cc-accent); text-underline-offset: 3px; text-decoration-skip-ink: none; }
.cc-judge { display: grid; gap: 4px; justify-items: start; }
.cc-judge-reason { margin: 0; }
.cc-missing { margin: 0.35em 0 0; color: var(--cc-muted); font-size: 0.92em; }
.cc-missing .cc-word {
  display: inline-block; margin: 0.1em 0.25em 0 0; padding: 0 0.4em; border-radius: 4px;
  border: 1px dashed var(--cc-border); color: var(--cc-fg);
}
.cc-conflicts { margin: 0.4em 0 0; padding: 0; list-style: none; display: grid; gap: 0.25em; }
.cc-conflicts li { display: flex; gap: 0.4em; align-items: flex-start; color: var(--cc-fg); font-weight: 600; }
.cc-conflicts .cc-icon { color: var(--cc-contradicted); margin-top: 0.1em; }
.cc-sources { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.45em; }
.cc-source { display: grid; gap: 0.1em; }
.cc-source-title { font-weight: 600; overflow-wrap: anywhere; }
.cc-source-meta { color: var(--cc-muted); font-size: 0.9em; }
.cc-reason {
  display: flex; gap: 0.4em; align-items: flex-start; margin-top: 0.2em; padding: 0.35em 0.55em;
  border-radius: 6px; background: var(--cc-subtle); color: var(--cc-fg);
}
.cc-note { color: var(--cc-muted); font-size: 0.92em; margin: 0; }
.cc-evidence .cc-open { margin-top: 0.55em; }
.cc-link { color: var(--cc-link); text-decoration: underline; text-underline-offset: 2px; font-weight: 600; }
.cc-link:focus-visible, .cc-button:focus-visible { outline: 2px solid var(--cc-focus); outline-offset: 2px; border-radius: 3px; }
.cc-button {
  font: inherit; color: var(--cc-fg); background: var(--cc-subtle); border: 1px solid var(--cc-border);
  border-radius: 6px; padding: 0.3em 0.7em; cursor: pointer;
}
.cc-button:hover { border-color: var(--cc-muted); }
.cc-button[disabled], .cc-button[aria-disabled="true"] { opacity: 0.6; cursor: default; }
`;

/**
 * The badge's own few tokens: every badge carries them, so the full theme (two dozen custom
 * properties, inherited by each node of 500 badges) would cost layout time for nothing.
 */
export const BADGE_THEME_CSS = `
.cc-badge, .cc-badge[data-theme="light"] {
  --cc-bg: #ffffff; --cc-fg: #1f2328; --cc-focus: #0b63ce;
  ${kindColorProperties('light')}
}
.cc-badge[data-theme="dark"] {
  --cc-bg: #1d2229; --cc-fg: #e6edf3; --cc-focus: #6cb1ff;
  ${kindColorProperties('dark')}
}
${ACCENT_CSS}
.cc-icon { width: 1.1em; height: 1.1em; color: var(--cc-accent); overflow: visible; }
.cc-spin { transform-origin: 50% 50%; animation: cc-spin 1.1s linear infinite; }
@keyframes cc-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .cc-spin { animation: none; } }
`;

/** The in-page badge, inside its own shadow root. */
export const BADGE_CSS = `
:host {
  all: initial !important; display: inline !important;
  font-size: inherit !important; line-height: inherit !important; direction: inherit !important;
}
/*
 * One fixed size for every verdict: a verdict arriving never moves the text around its badge. The
 * width holds the longest word ("Contradicted", 9.7em in DejaVu Sans, a wide system font) with room.
 */
.cc-badge {
  all: unset; box-sizing: border-box; display: inline-block; width: 10.25em; height: 1.5em;
  margin: 0 0.15em 0 0.25em; padding: 0 0.45em 0 0.3em; border-radius: 999px; text-align: center;
  font: 600 0.72em/calc(1.5em - 2px) system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  letter-spacing: 0.01em; vertical-align: middle; white-space: nowrap; overflow: hidden; cursor: pointer;
  color: var(--cc-fg);
  border: 1px solid color-mix(in srgb, var(--cc-accent) 50%, transparent);
  background: color-mix(in srgb, var(--cc-accent) 11%, var(--cc-bg));
  transition: background-color 120ms ease, box-shadow 120ms ease;
  /* Off-screen badges skip layout and paint; the fixed size means nothing moves when they render. */
  content-visibility: auto; contain-intrinsic-size: 10.25em 1.5em;
}
.cc-badge:hover, .cc-badge[aria-expanded="true"] { background: color-mix(in srgb, var(--cc-accent) 22%, var(--cc-bg)); }
.cc-badge:focus-visible { outline: 2px solid var(--cc-focus); outline-offset: 1px; }
.cc-badge .cc-icon { width: 1.1em; height: 1.1em; vertical-align: -0.2em; margin-right: 0.3em; }
.cc-badge[data-flash] { animation: cc-flash 0.6s ease-in-out 3; }
@keyframes cc-flash {
  50% { box-shadow: 0 0 0 4px color-mix(in srgb, var(--cc-focus) 55%, transparent); }
}
@media (prefers-reduced-motion: reduce) {
  .cc-badge { transition: none; }
  .cc-badge[data-flash] { animation: none; box-shadow: 0 0 0 3px var(--cc-focus); }
}
`;

/** The in-page hover card, inside its own shadow root. */
export const CARD_CSS = `
:host { all: initial !important; display: block !important; }
.cc-card {
  position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(380px, calc(100vw - 16px));
  overflow: auto; overscroll-behavior: contain; padding: 12px 14px 14px;
  background: var(--cc-bg); color: var(--cc-fg); border: 1px solid var(--cc-border); border-radius: 10px;
  box-shadow: var(--cc-shadow); text-align: start;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.cc-card:focus { outline: none; }
.cc-card:focus-visible { outline: 2px solid var(--cc-focus); outline-offset: 2px; }
.cc-card[hidden] { display: none; }
.cc-card-head { display: flex; align-items: center; gap: 0.6em; margin-bottom: 0.7em; }
.cc-card-head .cc-brand { margin-left: auto; color: var(--cc-muted); font-size: 0.85em; }
.cc-close {
  all: unset; cursor: pointer; display: inline-grid; place-items: center; width: 1.6em; height: 1.6em;
  border-radius: 6px; color: var(--cc-muted); font-size: 1.05em; line-height: 1;
}
.cc-close:hover { background: var(--cc-subtle); color: var(--cc-fg); }
.cc-close:focus-visible { outline: 2px solid var(--cc-focus); }
`;
