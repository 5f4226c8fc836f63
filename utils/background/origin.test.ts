import { describe, expect, it } from 'vitest';
import { sameOrigin } from './origin';

describe('sameOrigin', () => {
  it.each([
    ['https://a.example/x', 'https://a.example/y#z', true],
    ['https://a.example/x', 'http://a.example/x', false],
    ['https://a.example/x', 'https://a.example:8443/x', false],
    ['http://127.0.0.1:8080/', 'http://192.168.1.1/', false],
    ['https://a.example/x', undefined, false],
    ['not a url', 'https://a.example/', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(sameOrigin(a, b)).toBe(expected);
  });
});
