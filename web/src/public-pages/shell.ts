import { h } from './dom.ts';
import { replaceOnClick } from './quick-exit.ts';
import {
  PUBLIC_LANGUAGES,
  type PublicKey,
  type PublicLanguage,
  type PublicStrings,
} from './strings.ts';

/** What every public page is drawn with: the strings of the chosen language and a way to switch. */
export interface PageContext {
  lang: PublicLanguage;
  strings: PublicStrings;
  t: (key: PublicKey) => string;
  onLanguage: (lang: PublicLanguage) => void;
}

/** The link to another public page in the current language (`/help?lang=th`). */
export function pageHref(path: '/check' | '/help', lang: PublicLanguage): string {
  return lang === 'en' ? path : `${path}?lang=${lang}`;
}

/** A link between the public pages that leaves no extra history entry. */
export function pageLink(path: '/check' | '/help', ctx: PageContext, text: string): HTMLElement {
  return replaceOnClick(h('a', { href: pageHref(path, ctx.lang) }, text));
}

/** The language picker: each language named in itself, marked with its own `lang`. */
function languagePicker(ctx: PageContext): HTMLElement {
  const select = h('select', { id: 'language', 'data-testid': 'language-select' });
  for (const { code, name } of PUBLIC_LANGUAGES) {
    const option = h('option', { value: code, lang: code }, name);
    option.selected = code === ctx.lang;
    select.append(option);
  }
  select.addEventListener('change', () => ctx.onLanguage(select.value as PublicLanguage));
  return h(
    'div',
    { class: 'pp-language' },
    h('label', { for: 'language' }, ctx.t('language')),
    select,
  );
}

/** The bar above every public page: the name of the site and the language picker. */
export function header(ctx: PageContext): HTMLElement {
  return h(
    'header',
    { class: 'pp-header' },
    h('span', { class: 'pp-brand' }, ctx.t('appName')),
    languagePicker(ctx),
  );
}

/** The line under every public page. */
export function footer(ctx: PageContext): HTMLElement {
  return h('footer', { class: 'pp-footer' }, h('p', {}, ctx.t('footer')));
}
