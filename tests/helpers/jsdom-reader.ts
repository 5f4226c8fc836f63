/**
 * The source loader's HTML reader outside a browser: jsdom builds the document (with a silent
 * console, so a source page's script errors do not fill the log) and the product's readText reads it.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { readText } from '../../utils/sources/read';
import type { HtmlReader } from '../../utils/sources/types';

export const readHtmlWithJsdom: HtmlReader = async (html, url) =>
  readText(html, 'text/html', (markup) => new JSDOM(markup, { url, virtualConsole: new VirtualConsole() }).window.document);
