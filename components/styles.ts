/**
 * Citecheck's CSS, from the `.css` files beside this module, inlined as strings by the bundler
 * (`?inline`): the in-page badges and card live in shadow roots and must not fetch a stylesheet,
 * and the popup and options pages share the same rules for the parts they have in common.
 *
 * Colour is never the only carrier of a verdict (every chip has an icon and a word). Text keeps
 * the theme's foreground colour and only the icon and border take the verdict's colour, so small
 * text stays readable on any tint. The verdict colours are the one part written here rather than
 * in a `.css` file: they come from the verdict table (`components/verdicts.ts`).
 */
import badgeThemeCss from './css/badge-theme.css?inline';
import badgeCss from './css/badge.css?inline';
import cardCss from './css/card.css?inline';
import sharedCss from './css/shared.css?inline';
import spinCss from './css/spin.css?inline';
import themeCss from './css/theme.css?inline';
import { ACCENT_CSS, kindColorProperties } from './verdicts';

/** The verdict colours and accents, for the full theme and for the badge's own tokens. */
export const VERDICT_CSS = `.cc-theme, .cc-badge { ${kindColorProperties()} }\n${ACCENT_CSS}\n`;

/** Theme tokens and the verdict accent, for any element with class `cc-theme`. */
export const THEME_CSS = themeCss + VERDICT_CSS + spinCss;

/** The parts the hover card and the popup show alike: chip, score, passage, details. */
export const SHARED_CSS = sharedCss;

/** The badge's own few tokens (see badge-theme.css). */
export const BADGE_THEME_CSS = badgeThemeCss + VERDICT_CSS + spinCss;

/** The in-page badge, inside its own shadow root. */
export const BADGE_CSS = badgeCss;

/** The in-page hover card, inside its own shadow root. */
export const CARD_CSS = cardCss;
