import {
  type CountryCode,
  findPhoneNumbersInText,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import countries from 'i18n-iso-countries';
import type { Indicator, IndicatorKind } from './advert-reports.schema.ts';

/**
 * Finds the contact points of a recruiter in an advert's text: phone numbers (E.164), links
 * (lower-case host, no tracking parameters, no fragment), Telegram, WhatsApp and Line handles and
 * e-mail addresses, each normalised so the same recruiter's adverts share the same value.
 * Obfuscations common in adverts ("t . me / name", "name [at] mail [dot] com", full-width and
 * Thai, Khmer, Burmese, Lao or Bengali digits) are undone first.
 */

/** Decimal digit blocks whose zero is at these code points (Thai, Lao, Myanmar, Khmer, Bengali…). */
const DIGIT_ZEROS = [0x0e50, 0x0ed0, 0x1040, 0x17e0, 0x09e6, 0x0966, 0x0660, 0x06f0];

function asciiDigits(text: string): string {
  return text.replace(
    /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59\u0ed0-\u0ed9\u1040-\u1049\u17e0-\u17e9]/gu,
    (c) => {
      const code = c.codePointAt(0)!;
      const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)!;
      return String(code - zero);
    },
  );
}

/**
 * The text with obfuscations undone: NFKC (full-width letters, `＠`), `[dot]`/`(at)` words, and
 * spaces around the dot and slash of the messaging domains.
 */
export function deobfuscate(text: string): string {
  return asciiDigits(text.normalize('NFKC'))
    .replace(/\s*[[({]\s*(dot|\.)\s*[\])}]\s*/giu, '.')
    .replace(/\s*[[({]\s*(at|@)\s*[\])}]\s*/giu, '@')
    .replace(
      /\b(t|telegram|wa|line|lin)\s*(?:\.|\bdot\b)\s*(me|ee|dog)\s*\/\s*/giu,
      (_m, a: string, b: string) => `${a}.${b}/`,
    );
}

/** Query parameters that only track where a click came from. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|msclkid|igshid|igsh|mc_cid|mc_eid|ref|ref_src|si|_ga)$/i;

/** Top-level domains accepted without `http://` or `www.` (plus every ISO 3166 country code). */
const GENERIC_TLDS = new Set(
  'com net org info biz io co me asia xyz top online site vip app link shop club live pro work jobs'.split(
    ' ',
  ),
);
const COUNTRY_TLDS = new Set(Object.keys(countries.getAlpha2Codes()).map((c) => c.toLowerCase()));
COUNTRY_TLDS.add('uk');

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL_LIKE =
  /\b(?:https?:\/\/[^\s<>"'`]+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?:\/[^\s<>"'`]*)?)/giu;
// "Telegram: name", "TG ID name", "เทเลแกรม: name" (a handle written without @ or a link).
const TELEGRAM_WORD =
  /(?:\b(?:telegram|tg)(?:\s*id\s*[:：=]?|\s*[:：=])|เทเลแกรม\s*[:：=]?)\s*@?([a-z][a-z0-9_]{4,31})\b/giu;
const TELEGRAM_AT = /(?<![\p{L}\p{N}_.@/])@([a-z][a-z0-9_]{4,31})\b/giu;
// "Line ID abc", "Line: abc", "ไลน์ abc"; not "in line with" (a Latin "line" needs ID or a colon).
const LINE_ID =
  /(?:\bline(?:\s*id\s*[:：=]?|\s*[:：=])|ไลน์(?:\s*id)?\s*[:：=]?)\s*(@?[a-z0-9._-]{3,30})/giu;

function add(found: Map<string, Indicator>, kind: IndicatorKind, value: string): void {
  found.set(`${kind}:${value}`, { kind, value });
}

/** A link with a lower-case host, no fragment, no tracking parameters and no trailing dot. */
export function normaliseLink(raw: string): URL | null {
  const trimmed = raw.replace(/[.,;:!?)\]}'"]+$/u, '');
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  const tld = url.hostname.split('.').pop() ?? '';
  const explicit = /^(https?:\/\/|www\.)/i.test(trimmed);
  if (!explicit && !GENERIC_TLDS.has(tld) && !COUNTRY_TLDS.has(tld)) {
    return null;
  }
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING.test(key)) {
      url.searchParams.delete(key);
    }
  }
  url.hostname = url.hostname.replace(/^www\./, '');
  return url;
}

function firstSegment(url: URL): string {
  return (url.pathname.split('/').find((s) => s !== '') ?? '').toLowerCase();
}

/** A link to a messaging app becomes the handle or phone it points to; others stay links. */
function addLink(found: Map<string, Indicator>, url: URL): void {
  const host = url.hostname;
  const first = firstSegment(url);
  if (['t.me', 'telegram.me', 'telegram.dog'].includes(host) && /^[a-z0-9_]{4,32}$/.test(first)) {
    add(found, 'handle', `telegram:${first}`);
  } else if (host === 'wa.me' && /^\d{7,15}$/.test(first)) {
    const phone = parsePhoneNumberFromString(`+${first}`);
    add(found, 'phone', phone?.isValid() ? phone.number : `+${first}`);
  } else if (host === 'line.me' && url.pathname.startsWith('/ti/p/')) {
    add(
      found,
      'handle',
      `line:${decodeURIComponent(url.pathname.slice(6)).replace(/^~/, '').toLowerCase()}`,
    );
  } else {
    const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
    add(found, 'link', `${url.protocol}//${url.host}${path}${url.search}`);
  }
}

function addPhones(
  found: Map<string, Indicator>,
  text: string,
  regions: readonly CountryCode[],
): void {
  // Dates ("2026-01-15", "15/01/2026") read like landline numbers: they are not searched.
  const noDates = text.replace(/\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g, ' ');
  for (const defaultCountry of [...regions, undefined]) {
    for (const match of findPhoneNumbersInText(noDates, defaultCountry ? { defaultCountry } : {})) {
      if (match.number.isValid()) {
        add(found, 'phone', match.number.number);
      }
    }
  }
}

/**
 * Every indicator in `text`, in the order kinds are listed (phones, links, handles, e-mails) and
 * without duplicates. `regions` (ISO alpha-2, e.g. the destination and origin) are the default
 * countries of numbers written without `+`.
 *
 * @example extractIndicators('Apply: t . me / hr_cambodia, +855 12 345 678', ['KH'])
 */
export function extractIndicators(text: string, regions: readonly string[] = []): Indicator[] {
  const found = new Map<string, Indicator>();
  let rest = deobfuscate(text);
  for (const m of rest.matchAll(EMAIL)) {
    add(found, 'email', m[0].toLowerCase());
  }
  rest = rest.replace(EMAIL, ' ');
  // Only what is taken as a link is removed, so "job.thai99" stays for the Line ID below.
  const noLinks = rest.replace(URL_LIKE, (m) => {
    const url = normaliseLink(m);
    if (url) {
      addLink(found, url);
    }
    return url ? ' ' : m;
  });
  for (const m of noLinks.matchAll(LINE_ID)) {
    add(found, 'handle', `line:${m[1]!.replace(/^@/, '').toLowerCase()}`);
  }
  let noLine = noLinks.replace(LINE_ID, ' ');
  for (const m of noLine.matchAll(TELEGRAM_WORD)) {
    add(found, 'handle', `telegram:${m[1]!.toLowerCase()}`);
  }
  noLine = noLine.replace(TELEGRAM_WORD, ' ');
  for (const m of noLine.matchAll(TELEGRAM_AT)) {
    add(found, 'handle', `telegram:${m[1]!.toLowerCase()}`);
  }
  const known = regions.filter((r): r is CountryCode => isPhoneRegion(r));
  addPhones(found, noLine, known);
  const order: IndicatorKind[] = ['phone', 'link', 'handle', 'email'];
  return [...found.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

function isPhoneRegion(region: string): boolean {
  return isSupportedCountry(region);
}
