import { describe, expect, it } from 'vitest';
import { apiDocsArePublic, loadConfig } from './config.ts';

const trust = (value: string | undefined) => loadConfig({ HOMEWARD_TRUST_PROXY: value }).trustProxy;
const docs = (value: string | undefined) =>
  loadConfig({ HOMEWARD_PUBLIC_API_DOCS: value }).publicApiDocs;

describe('HOMEWARD_TRUST_PROXY', () => {
  it('trusts no proxy when unset, empty, false or 0', () => {
    for (const value of [undefined, '', '  ', 'false', '0']) {
      expect(trust(value), String(value)).toBe(false);
    }
  });

  it('takes a number of hops', () => {
    expect(trust('1')).toBe(1);
    expect(trust(' 2 ')).toBe(2);
  });

  it('takes a comma-separated list of addresses and CIDR ranges', () => {
    expect(trust('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trust('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
    expect(trust('loopback')).toEqual(['loopback']);
  });

  it('refuses true, which would let every client choose its own address', () => {
    expect(() => trust('true')).toThrow(/HOMEWARD_TRUST_PROXY=true.*number of proxies.*address/s);
    expect(() => trust('TRUE')).toThrow(/HOMEWARD_TRUST_PROXY/);
  });

  it('refuses anything else with a message naming the setting and the value', () => {
    for (const value of [
      'yes',
      '1.2.3',
      '10.0.0.0/33',
      '::1/129',
      '10.0.0.0/8/1',
      '-1',
      '1,x',
      ',',
      '999',
    ]) {
      expect(() => trust(value), value).toThrow(/HOMEWARD_TRUST_PROXY/);
    }
    expect(() => trust('proxy.example.org')).toThrow(/"proxy\.example\.org"/);
  });
});

describe('HOMEWARD_PUBLIC_API_DOCS', () => {
  it('is unset (off unless the demo turns it on) by default, true or false when given', () => {
    expect(docs(undefined)).toBeUndefined();
    expect(docs('')).toBeUndefined();
    expect(docs('true')).toBe(true);
    expect(docs('1')).toBe(true);
    expect(docs('false')).toBe(false);
    expect(docs('0')).toBe(false);
  });

  it('refuses other values', () => {
    expect(() => docs('on please')).toThrow(/HOMEWARD_PUBLIC_API_DOCS/);
  });
});

describe('public API docs', () => {
  it('are on for the demo unless the setting says false, and off elsewhere unless it says true', () => {
    const env = (value?: string) => loadConfig({ HOMEWARD_PUBLIC_API_DOCS: value });
    expect(apiDocsArePublic(env(), true)).toBe(true);
    expect(apiDocsArePublic(env('false'), true)).toBe(false);
    expect(apiDocsArePublic(env(), false)).toBe(false);
    expect(apiDocsArePublic(env('true'), false)).toBe(true);
  });
});
