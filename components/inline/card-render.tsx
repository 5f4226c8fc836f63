/**
 * The hover card's content and styles, apart from the badge layer. The content script loads this
 * (through entrypoints/card.ts) only when the reader first opens a card, so a page that is only
 * read pays for the badges alone; tests and benchmarks hand `inlineCard` to the layer directly.
 */
import { render } from 'preact';
import { CARD_CSS, SHARED_CSS, THEME_CSS } from '../styles';
import { Card, type CardProps } from './Card';
import { makeStyler } from './styler';

export interface CardRenderer {
  /** Renders the card into the card host's shadow root (styling it the first time); null empties it. */
  render(props: CardProps | null, root: ShadowRoot): void;
}

/** Where the layer gets its renderer: at hand, or loaded when first needed. */
export type CardSource = CardRenderer | (() => Promise<CardRenderer>);

export function createCardRenderer(): CardRenderer {
  const stylers = new WeakMap<Document, (root: ShadowRoot) => void>();
  const styled = new WeakSet<ShadowRoot>();
  return {
    render(props, root) {
      if (!styled.has(root)) {
        const doc = root.ownerDocument;
        let style = stylers.get(doc);
        if (!style) stylers.set(doc, (style = makeStyler(doc, THEME_CSS + SHARED_CSS + CARD_CSS)));
        style(root);
        styled.add(root);
      }
      render(props ? <Card {...props} /> : null, root);
    },
  };
}

export const inlineCard: CardRenderer = createCardRenderer();
