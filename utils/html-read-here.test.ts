// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtmlHere } from './html-read-here';
import { READER_HTML_MAX_CHARS } from './reader/limits';

const hostile = readFileSync(path.resolve(import.meta.dirname, '../tests/fixtures/sources/hostile-reader.html'), 'utf8');

describe('readHtmlHere', () => {
  it('gives the readable part’s HTML sanitised, with the text it was read from', () => {
    const read = readHtmlHere(hostile, 'https://example.org/canal/spring.html');
    expect(read.text).toContain('Dissolved oxygen stayed above seven milligrams per litre at every point');
    const html = read.html!;
    expect(html).toContain('<strong>seven milligrams per litre</strong>');
    expect(html).not.toMatch(/<(?:script|style|img|svg|iframe|object|embed|form|meta|base|link|video|audio|picture|source)\b/i);
    expect(html).not.toMatch(/\s(?:on\w+|style|src|srcset|poster|background|action|formaction)=/i);
    expect(html).not.toMatch(/javascript:|data:/i);
  });

  it('makes relative links absolute against the source, or against the source’s own <base>', () => {
    const page = (head: string) =>
      `<html><head>${head}<title>T</title></head><body><article><h1>T</h1><p>${'The survey counted trees on every block of the old town. '.repeat(8)}<a href="/method">the method</a> is published.</p></article></body></html>`;
    expect(readHtmlHere(page(''), 'https://example.org/survey/2023.html').html).toContain('href="https://example.org/method"');
    expect(readHtmlHere(page('<base href="https://mirror.example/docs/">'), 'https://example.org/survey/2023.html').html).toContain(
      'href="https://mirror.example/method"',
    );
  });

  it('leaves the HTML out, and keeps the text, past the reader view’s bound', () => {
    const sentence = 'The survey counted trees on every block of the old town and found most of them healthy. ';
    const long = `<html><body><article><p>${sentence.repeat(Math.ceil(READER_HTML_MAX_CHARS / sentence.length) + 10)}</p></article></body></html>`;
    const read = readHtmlHere(long, 'https://example.org/long.html');
    expect(read.text.length).toBeGreaterThan(READER_HTML_MAX_CHARS);
    expect(read.html).toBeUndefined();
  });
});
