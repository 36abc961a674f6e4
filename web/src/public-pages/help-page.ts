import type { PublicService } from '@/domain/directory/directory.schema.ts';
import type { ApiFailure } from './api.ts';
import { searchHelp, type HelpQuery } from './directory-api.ts';
import { h } from './dom.ts';
import {
  displayName,
  HELP_COUNTRIES,
  HELP_SERVICES,
  serviceItem,
  serviceKey,
} from './help-results.ts';
import { pageLink, type PageContext } from './shell.ts';
import { format, type PublicKey } from './strings.ts';

/** Languages offered in the search (any language of a service still shows on it). */
const HELP_LANGUAGES = [
  'en',
  'th',
  'my',
  'km',
  'lo',
  'vi',
  'id',
  'fil',
  'ms',
  'zh',
  'bn',
  'ne',
  'hi',
  'sw',
  'am',
];

/**
 * What the page remembers while it is open (in memory only, never stored or put in the URL, so
 * the search leaves nothing in the history): the filters and the services found, kept across a
 * change of language.
 */
interface HelpState {
  query: HelpQuery;
  items: PublicService[];
  nextCursor: string | null;
  searched: boolean;
  failure: ApiFailure | null;
}
const state: HelpState = {
  query: { country: '', service: '', language: '' },
  items: [],
  nextCursor: null,
  searched: false,
  failure: null,
};

function select(
  ctx: PageContext,
  name: keyof HelpQuery,
  label: PublicKey,
  options: [string, string][],
) {
  const element = h('select', { id: `help-${name}`, name });
  element.append(h('option', { value: '' }, ctx.t('helpAny')));
  for (const [value, text] of options.sort((a, b) => a[1].localeCompare(b[1], ctx.lang))) {
    element.append(h('option', { value }, text));
  }
  element.value = state.query[name];
  return h(
    'div',
    { class: 'pp-field' },
    h('label', { for: `help-${name}` }, ctx.t(label)),
    element,
  );
}

function failureText(ctx: PageContext, failure: ApiFailure): string {
  if (failure.kind === 'rate_limited') {
    const minutes = String(Math.max(1, Math.ceil(failure.retryAfterSeconds / 60)));
    return format(ctx.t('errorRateLimited'), { minutes });
  }
  return ctx.t(failure.kind === 'network' ? 'errorNetwork' : 'errorServer');
}

/** The results: a count (announced), the services, and a button for more. */
function drawResults(ctx: PageContext, box: HTMLElement, onMore: () => void): void {
  const status = h('p', { role: 'status', 'data-testid': 'help-count' });
  if (state.failure) {
    status.append(h('span', { class: 'pp-error' }, failureText(ctx, state.failure)));
  } else if (state.searched) {
    status.append(
      state.items.length === 0
        ? ctx.t('helpNone')
        : format(ctx.t('helpFound'), { count: String(state.items.length) }),
    );
  }
  const list = h('ul', { class: 'pp-services' }, ...state.items.map((s) => serviceItem(ctx, s)));
  const more = state.nextCursor
    ? h('button', { type: 'button', class: 'pp-secondary' }, ctx.t('helpMore'))
    : null;
  more?.addEventListener('click', onMore);
  box.replaceChildren(status, list, more ?? '');
}

async function run(ctx: PageContext, box: HTMLElement, more: boolean): Promise<void> {
  const result = await searchHelp(state.query, more ? state.nextCursor : null);
  state.searched = true;
  state.failure = result.ok ? null : result.failure;
  if (result.ok) {
    state.items = more ? [...state.items, ...result.value.items] : result.value.items;
    state.nextCursor = result.value.nextCursor;
  }
  drawResults(ctx, box, () => void run(ctx, box, true));
}

function searchForm(ctx: PageContext, box: HTMLElement): HTMLElement {
  const { t, lang } = ctx;
  const form = h(
    'form',
    { role: 'search', 'aria-label': t('helpSearchTitle'), 'data-testid': 'help-search' },
    select(
      ctx,
      'country',
      'helpCountry',
      Object.entries(HELP_COUNTRIES).map(([a3, a2]) => [a3, displayName(lang, 'region', a2)]),
    ),
    select(
      ctx,
      'service',
      'helpService',
      HELP_SERVICES.map((k) => [k, t(serviceKey(k))]),
    ),
    select(
      ctx,
      'language',
      'helpLanguage',
      HELP_LANGUAGES.map((l) => [l, displayName(lang, 'language', l)]),
    ),
    h('button', { type: 'submit', class: 'pp-primary' }, t('helpSearch')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name: keyof HelpQuery) =>
      form.querySelector<HTMLSelectElement>(`#help-${name}`)?.value ?? '';
    state.query = {
      country: value('country'),
      service: value('service'),
      language: value('language'),
    };
    void run(ctx, box, false);
  });
  return form;
}

/**
 * "Find help": the public directory searched by country, service and language (only services an
 * organisation marks public; never an address), then what to do now. No cookie, no storage.
 */
export function helpPage(ctx: PageContext): HTMLElement {
  const { t } = ctx;
  const results = h('div', { class: 'pp-results', 'data-testid': 'help-results' });
  drawResults(ctx, results, () => void run(ctx, results, true));
  return h(
    'main',
    { id: 'main', class: 'pp-main', tabindex: '-1' },
    h('h1', {}, t('helpTitle')),
    h('p', {}, t('helpIntro')),
    h('p', { class: 'pp-note' }, t('quickExitHint')),
    h('h2', {}, t('helpSearchTitle')),
    h('p', {}, t('helpSearchIntro')),
    searchForm(ctx, results),
    results,
    h('h2', {}, t('helpNowTitle')),
    h(
      'ul',
      { class: 'pp-list' },
      h('li', {}, t('helpNow1')),
      h('li', {}, t('helpNow2')),
      h('li', {}, t('helpNow3')),
      h('li', {}, t('helpNow4')),
      h('li', {}, t('helpNow5')),
    ),
    h('p', {}, pageLink('/check', ctx, t('helpBack'))),
  );
}
