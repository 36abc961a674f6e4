import type { PublicService } from '@/domain/directory/directory.schema.ts';
import { SERVICE_KINDS, type ServiceKindName } from '@/domain/directory/service-kinds.ts';
import { h } from './dom.ts';
import type { PageContext } from './shell.ts';
import { format, type PublicKey } from './strings.ts';

/** The service kinds the search offers: the API's own list. */
export const HELP_SERVICES = SERVICE_KINDS;
export type HelpService = ServiceKindName;

/** The string key of a service kind. */
export function serviceKey(kind: HelpService): PublicKey {
  return `service_${kind}`;
}

const AVAILABILITY_KEYS: Record<PublicService['availability'], PublicKey> = {
  available: 'helpAvailable',
  limited: 'helpLimited',
  full: 'helpFull',
};

/** A code's name in the page's language (`Intl.DisplayNames`), or the code itself. */
export function displayName(lang: string, type: 'region' | 'language', code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Alpha-3 → alpha-2 for the countries the page offers, so `Intl.DisplayNames` can name them. */
// prettier-ignore
export const HELP_COUNTRIES: Readonly<Record<string, string>> = {
  THA: 'TH', MMR: 'MM', KHM: 'KH', LAO: 'LA', VNM: 'VN', MYS: 'MY', IDN: 'ID', PHL: 'PH',
  CHN: 'CN', IND: 'IN', BGD: 'BD', NPL: 'NP', LKA: 'LK', PAK: 'PK', UZB: 'UZ', KEN: 'KE',
  UGA: 'UG', TZA: 'TZ', ETH: 'ET', NGA: 'NG', GHA: 'GH',
};

function countryNames(ctx: PageContext, codes: readonly string[]): string {
  return codes.map((c) => displayName(ctx.lang, 'region', HELP_COUNTRIES[c] ?? c)).join(', ');
}

function contactLinks(ctx: PageContext, s: PublicService): HTMLElement {
  const { phone, email, web, messaging } = s.contact;
  return h(
    'ul',
    { class: 'pp-contact' },
    phone &&
      h(
        'li',
        {},
        h(
          'a',
          { href: `tel:${phone.replace(/[^+\d]/g, '')}` },
          format(ctx.t('helpCall'), { phone }),
        ),
      ),
    email && h('li', {}, h('a', { href: `mailto:${email}` }, email)),
    web && h('li', {}, h('a', { href: web, rel: 'noreferrer', target: '_blank' }, web)),
    ...(messaging ?? []).map((m) => h('li', {}, `${m.app}: ${m.handle}`)),
  );
}

/**
 * One service as a person looking for help reads it: who, what, where (the area served — the API
 * never sends an address), in which languages, how available, and how to make contact.
 */
export function serviceItem(ctx: PageContext, s: PublicService): HTMLElement {
  const { t } = ctx;
  const area =
    countryNames(ctx, s.countries) + (s.regions.length > 0 ? ` — ${s.regions.join(', ')}` : '');
  return h(
    'li',
    { class: 'pp-service', 'data-testid': 'help-service' },
    h('p', { class: 'pp-note' }, t(serviceKey(s.service))),
    h('h3', {}, s.name),
    h(
      'p',
      {},
      h('strong', {}, s.organisation.name),
      ' · ',
      s.organisation.verified ? t('helpVerified') : t('helpUnverified'),
    ),
    s.description && h('p', {}, s.description),
    h('p', {}, format(t('helpArea'), { area })),
    h(
      'p',
      {},
      format(t('helpLanguages'), {
        languages: s.languages.map((l) => displayName(ctx.lang, 'language', l)).join(', '),
      }),
    ),
    h(
      'p',
      {},
      format(t('helpAvailability'), { availability: t(AVAILABILITY_KEYS[s.availability]) }),
    ),
    s.hours && h('p', {}, format(t('helpHours'), { hours: s.hours })),
    contactLinks(ctx, s),
  );
}
