/**
 * The badge hosts: one `<citecheck-badge>` per claim, each with an open shadow root (page CSS
 * cannot restyle it; tests and assistive tools can reach in) holding one button.
 *
 * Judgement calls:
 * - One badge tree per verdict is drawn once by the Badge component and cloned for every badge:
 *   cloning is several times cheaper than rendering hundreds of small trees.
 * - Hosts update in place and only when what they show changed, so a focused or flashing badge
 *   keeps its focus and its flash when its verdict arrives.
 * - A badge never wraps away from what it follows: the shadow root opens with a word joiner (no
 *   break before it) and the host does not wrap (no break between it and the button), so the
 *   badge moves to the next line with the marker's last word rather than alone.
 */
import { render as renderPreact } from 'preact';
import { BADGE_TAG } from '../../utils/extract/config';
import type { Claim } from '../../utils/report/schema';
import type { ClaimKind } from '../../utils/report/verdicts';
import { kindWord } from '../verdicts';
import { Badge } from './Badge';
import type { PageTheme } from './theme';

export { BADGE_TAG };

export interface BadgeEntry {
  host: HTMLElement;
  root: ShadowRoot;
  claim: Claim;
  /** How the claim is shown: its verdict, or `uncheckable`. */
  kind: ClaimKind;
  label: string;
  /** What the badge was last rendered with, to skip renders that would change nothing. */
  rendered: string;
}

/** How every badge looks on this page right now. */
export interface BadgeLook {
  theme: PageTheme;
  /** Icon only (the word in the name and the tooltip), for pages dense with markers. */
  compact: boolean;
}

export interface BadgeHosts {
  readonly entries: ReadonlyMap<string, BadgeEntry>;
  /** The entry for `claim`, made (not yet inserted) when it is new; `created` says which. */
  upsert(claim: Claim, kind: ClaimKind, label: string): { entry: BadgeEntry; created: boolean };
  /** Draws the badge if anything it shows changed. */
  draw(entry: BadgeEntry, look: BadgeLook, expanded: boolean): void;
  button(id: string): HTMLButtonElement | null;
  /** The claim id of a host this layer made, else null. */
  idOf(el: Element | null): string | null;
  remove(id: string): void;
}

export function createBadgeHosts(doc: Document, style: (root: ShadowRoot) => void): BadgeHosts {
  const entries = new Map<string, BadgeEntry>();
  const templates = new Map<ClaimKind, HTMLButtonElement>();

  const templateFor = (verdict: ClaimKind): HTMLButtonElement => {
    let template = templates.get(verdict);
    if (!template) {
      const box = doc.createElement('div');
      renderPreact(<Badge claimId="" verdict={verdict} label="" expanded={false} theme="light" />, box);
      template = box.firstElementChild as HTMLButtonElement;
      templates.set(verdict, template);
    }
    return template;
  };

  const buttonOf = (entry: BadgeEntry) => entry.root.querySelector('button');

  return {
    entries,

    upsert(claim, kind, label) {
      const existing = entries.get(claim.id);
      if (existing) {
        existing.claim = claim;
        existing.kind = kind;
        existing.label = label;
        return { entry: existing, created: false };
      }
      const host = doc.createElement(BADGE_TAG);
      host.setAttribute('data-claim-id', claim.id);
      host.setAttribute('data-verdict', kind);
      const root = host.attachShadow({ mode: 'open' });
      style(root);
      // A word joiner ahead of the button, in a host that does not wrap: no line break between
      // the marker (or link) and its badge, which would leave the badge starting a line alone.
      root.appendChild(doc.createTextNode('\u2060'));
      const entry: BadgeEntry = { host, root, claim, kind, label, rendered: '' };
      entries.set(claim.id, entry);
      return { entry, created: true };
    },

    draw(entry, look, expanded) {
      const { claim, kind } = entry;
      const key = `${kind}|${entry.label}|${expanded}|${look.theme}|${look.compact}`;
      if (key === entry.rendered) return;
      const previousKind = entry.rendered.split('|')[0];
      entry.rendered = key;
      entry.host.setAttribute('data-verdict', kind);
      let button = buttonOf(entry);
      if (!button) {
        button = templateFor(kind).cloneNode(true) as HTMLButtonElement;
        entry.root.appendChild(button);
      } else if (previousKind !== kind) {
        const template = templateFor(kind);
        button.querySelector('svg')?.replaceWith(template.querySelector('svg')!.cloneNode(true));
        const word = button.querySelector('.cc-word');
        if (word) word.textContent = kindWord(kind);
      }
      button.setAttribute('data-verdict', kind);
      button.setAttribute('data-claim-id', claim.id);
      button.setAttribute('data-theme', look.theme);
      button.setAttribute('aria-label', entry.label);
      button.setAttribute('aria-expanded', expanded ? 'true' : 'false');
      // Compact is an attribute, not another tree: switching keeps focus, flash and listeners.
      button.toggleAttribute('data-compact', look.compact);
      // The tooltip: the word a compact badge does not show, and what a click on "Not checked" does.
      const title = kind === 'unchecked' ? `${entry.label}. Click to check it.` : look.compact ? entry.label : null;
      if (title) button.title = title;
      else button.removeAttribute('title');
    },

    button(id) {
      const entry = entries.get(id);
      return entry ? buttonOf(entry) : null;
    },

    idOf(el) {
      if (!el || el.localName !== BADGE_TAG) return null;
      const id = el.getAttribute('data-claim-id');
      return id && entries.get(id)?.host === el ? id : null;
    },

    remove(id) {
      entries.get(id)?.host.remove();
      entries.delete(id);
    },
  };
}
