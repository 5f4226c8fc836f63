/**
 * Where the hover card goes: below the marker when it fits, else above, else on the roomier of
 * the two with its height capped to that room. The card is always wholly above or wholly below
 * the marker's box, so it never covers the marker it explains, and it stays inside the viewport.
 */

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The most height the card may take on its side. */
  maxHeight: number;
  side: 'below' | 'above';
}

export const GAP = 6;
export const MARGIN = 8;

export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const roomBelow = viewport.height - anchor.bottom - GAP - MARGIN;
  const roomAbove = anchor.top - GAP - MARGIN;
  let side: Placement['side'];
  if (card.height <= roomBelow) side = 'below';
  else if (card.height <= roomAbove) side = 'above';
  else side = roomBelow >= roomAbove ? 'below' : 'above';
  const maxHeight = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(card.height, maxHeight);
  const top = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - height;
  const width = Math.min(card.width, viewport.width - 2 * MARGIN);
  const left = Math.min(Math.max(anchor.left, MARGIN), Math.max(MARGIN, viewport.width - MARGIN - width));
  return { top, left, maxHeight, side };
}

/** The smallest box holding all the given boxes (the marker's range and its badge). */
export function unionBox(boxes: readonly Box[]): Box {
  return boxes.reduce((a, b) => ({
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  }));
}
