import { describe, expect, it } from 'vitest';
import { JOB_CHECK_MAX_TEXT } from '@/domain/prevention/jobcheck/jobcheck.schema.ts';
import { AppError } from '@/lib/errors.ts';
import { anonymousClientKey } from '@/server/plugins/public-scope.ts';
import { assertPublicTextInput, PUBLIC_BODY_LIMIT } from './public-input.ts';

function refusal(body: unknown): { code: string; paths: string[] } | null {
  try {
    assertPublicTextInput(body);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    return { code: e.code, paths: (e.errors ?? []).map((i) => i.path) };
  }
}

describe('assertPublicTextInput', () => {
  it('lets ordinary text through, with tabs, line breaks and any script', () => {
    expect(refusal({ text: 'งานพิมพ์\tข้อมูล\r\nLàm việc tại Campuchia 😀' })).toBeNull();
  });

  it('counts the text as the schema does: trimmed, so padding alone is not "too long"', () => {
    expect(refusal({ text: ` ${'a'.repeat(JOB_CHECK_MAX_TEXT)}${' '.repeat(500)}` })).toBeNull();
    expect(refusal({ text: 'a'.repeat(JOB_CHECK_MAX_TEXT + 1) })).toEqual({
      code: 'payload_too_large',
      paths: [],
    });
  });

  it('refuses control characters and lone surrogates in each text field, naming it', () => {
    expect(refusal({ text: 'ok', title: 'a\u0007b', destination: '\uD800' })).toEqual({
      code: 'validation_failed',
      paths: ['body.title', 'body.destination'],
    });
    expect(refusal({ text: 'PK\u0003\u0004binary' })?.paths).toEqual(['body.text']);
    expect(refusal({ text: 'x\u0085y' })?.code).toBe('validation_failed');
  });

  it('leaves other shapes to the schema', () => {
    expect(refusal(null)).toBeNull();
    expect(refusal(['text'])).toBeNull();
    expect(refusal({ text: 42 })).toBeNull();
  });

  it('allows a body as long as the longest text written entirely as \\u escapes', () => {
    const escaped = JSON.stringify({ text: '\u0e01'.repeat(JOB_CHECK_MAX_TEXT) }).replace(
      /\u0e01/g,
      '\\u0e01',
    );
    expect(Buffer.byteLength(escaped)).toBeLessThan(PUBLIC_BODY_LIMIT);
  });
});

describe('anonymousClientKey', () => {
  it('is the same for one address, differs between addresses, and does not contain either', () => {
    const a = anonymousClientKey('203.0.113.7');
    expect(anonymousClientKey('203.0.113.7')).toBe(a);
    expect(anonymousClientKey('203.0.113.8')).not.toBe(a);
    expect(a).not.toContain('203.0.113');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('counts one IPv6 /64 as one client, as the rate limiter does', () => {
    expect(anonymousClientKey('2001:db8:1:2::1')).toBe(anonymousClientKey('2001:db8:1:2:ffff::9'));
    expect(anonymousClientKey('2001:db8:1:3::1')).not.toBe(anonymousClientKey('2001:db8:1:2::1'));
  });
});
