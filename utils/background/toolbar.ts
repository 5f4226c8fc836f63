/**
 * The toolbar icon of each tab: its count, colour and tooltip. A report changes many times while
 * sources load and most changes leave the icon as it was; only a change is sent to the browser.
 */
import type { Report } from '../report/schema';
import { quietly } from './quietly';

/** The three `action` calls used (the MV3 name; Firefox MV3 has it too). */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/** What a tab's icon shows; the words and colours are the interface's (components/summary-words.ts). */
export interface ToolbarBadge {
  /**
   * The number of claims that need a look; '' when there are none. Where pages are checked only
   * on request, a page nobody asked about shows its number of cited claims not checked yet, in
   * the not-checked colour, so the reader still sees that it has cited claims.
   */
  text: string;
  color: string;
  /** The action's tooltip: says what the number means. */
  title: string;
}

export function createToolbar(action: ActionApi, badgeOf: (report: Report) => ToolbarBadge) {
  /** What each tab's icon shows now. */
  const shown = new Map<number, string>();
  return {
    /** Shows the report's count on the tab's icon, unless the icon shows it already. */
    show(tabId: number, report: Report): void {
      const badge = badgeOf(report);
      const key = `${badge.text}|${badge.color}|${badge.title}`;
      if (shown.get(tabId) === key) return;
      shown.set(tabId, key);
      quietly(() => action.setBadgeText({ tabId, text: badge.text }));
      quietly(() => action.setBadgeBackgroundColor({ tabId, color: badge.color }));
      quietly(() => action.setTitle({ tabId, title: badge.title }));
    },
    /** A new document in the tab: the old count goes. */
    clear(tabId: number): void {
      shown.delete(tabId);
      quietly(() => action.setBadgeText({ tabId, text: '' }));
    },
    /** The tab is closed. */
    forget(tabId: number): void {
      shown.delete(tabId);
    },
  };
}
