import { describe, expect, it } from 'vitest';
import { fromOwnOrigin, originAllowed } from './origin-policy';

describe('originAllowed', () => {
  it('allows any origin when the list is empty', () => {
    expect(originAllowed('https://anything.test', [])).toBe(true);
  });

  it('matches exact origins, case-insensitively, with ports', () => {
    const list = ['https://Shop.example.com', 'http://localhost:8080'];
    expect(originAllowed('https://shop.example.com', list)).toBe(true);
    expect(originAllowed('http://localhost:8080', list)).toBe(true);
    expect(originAllowed('http://localhost:8081', list)).toBe(false);
    expect(originAllowed('http://shop.example.com', list)).toBe(false);
    expect(originAllowed('https://shop.example.com.evil.test', list)).toBe(false);
  });

  it('matches subdomain wildcards but not the bare domain or look-alikes', () => {
    const list = ['https://*.example.com'];
    expect(originAllowed('https://a.example.com', list)).toBe(true);
    expect(originAllowed('https://a.b.example.com', list)).toBe(true);
    expect(originAllowed('https://example.com', list)).toBe(false);
    expect(originAllowed('https://evilexample.com', list)).toBe(false);
    expect(originAllowed('http://a.example.com', list)).toBe(false);
  });

  it('refuses malformed origins such as "null"', () => {
    expect(originAllowed('null', ['https://a.test'])).toBe(false);
  });
});

describe('fromOwnOrigin', () => {
  it('is true only when the Origin names the host the request was sent to', () => {
    expect(fromOwnOrigin('https://otklik.example.com', 'otklik.example.com')).toBe(true);
    expect(fromOwnOrigin('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(fromOwnOrigin('http://127.0.0.1:3001', '127.0.0.1:3000')).toBe(false);
    expect(fromOwnOrigin('https://evil.example', 'otklik.example.com')).toBe(false);
    expect(fromOwnOrigin('null', 'otklik.example.com')).toBe(false);
    expect(fromOwnOrigin('https://otklik.example.com', undefined)).toBe(false);
  });
});
