/**
 * Each tab's citations and latest report in `storage.session`: it outlives a stopped service
 * worker, and the popup follows a tab's report through that area's change events.
 */
import type { TabEntry, TabStore } from '../checker';

/** The session storage key of a tab's entry. */
export function tabKey(tabId: number): string {
  return `tab:${tabId}`;
}

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function createSessionTabStore(area: StorageArea): TabStore {
  return {
    async get(tabId) {
      const key = tabKey(tabId);
      return (await area.get(key))[key];
    },
    async set(tabId: number, entry: TabEntry) {
      await area.set({ [tabKey(tabId)]: entry });
    },
    async remove(tabId) {
      await area.remove(tabKey(tabId));
    },
  };
}
