import { browser } from 'wxt/browser';
import { readHtmlHere } from '@/utils/html-reader';
import { ReadHtmlRequestSchema } from '@/utils/messages';

// Chrome MV3 only: the service worker has no DOMParser, so cited pages are read here.
browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
  if (sender.id !== browser.runtime.id) return;
  const parsed = ReadHtmlRequestSchema.safeParse(message);
  if (!parsed.success) return;
  try {
    sendResponse({ ok: true, value: readHtmlHere(parsed.data.html, parsed.data.url) });
  } catch (error) {
    sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
  return true;
});
