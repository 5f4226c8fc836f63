/** When badges are drawn compact: the reader's setting, or `auto`'s count of markers on the page. */
import type { BadgeStyle } from '../../utils/settings-core';

/** Above this many badges on a page, `auto` draws them compact: word-wide pills crowd the text. */
export const COMPACT_ABOVE = 40;

export function isCompact(style: BadgeStyle, badgeCount: number): boolean {
  return style === 'compact' || (style === 'auto' && badgeCount > COMPACT_ABOVE);
}
