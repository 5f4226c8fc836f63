import { browser } from 'wxt/browser';
import { readHtmlHere } from '@/utils/html-reader';
import { serve, type MessageEvents } from '@/utils/messages';

// Chrome MV3 only: the service worker has no DOMParser, so cited pages are read here.
serve(browser.runtime.onMessage as unknown as MessageEvents, browser.runtime.id, 'offscreen', {
  'read-html': ({ html, url }) => readHtmlHere(html, url),
});
