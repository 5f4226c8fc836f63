import { browser } from 'wxt/browser';
import { readHtmlHere } from '@/utils/html-read-here';
import { base64ToBytes } from '@/utils/html-reader';
import { serve, type MessageEvents } from '@/utils/messages';
import { OFFSCREEN } from '@/utils/protocol/offscreen';
import { readPdfHere } from '@/utils/sources/pdf';

// Chrome MV3 only: the service worker has no DOMParser and cannot import pdf.js, so cited pages
// and PDFs are read here. pdf.js is imported on the first PDF only.
serve(browser.runtime.onMessage as unknown as MessageEvents, browser.runtime.id, OFFSCREEN, {
  'read-html': ({ html, url }) => readHtmlHere(html, url),
  'read-pdf': ({ data }) => readPdfHere(base64ToBytes(data)),
});
