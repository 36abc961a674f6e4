import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './public.css';
import { type CheckState, checkPage, readForm } from './check-page.ts';
import { byId } from './dom.ts';
import { helpPage } from './help-page.ts';
import { setUpQuickExit } from './quick-exit.ts';
import { footer, header, pageHref, type PageContext } from './shell.ts';
import { loadStrings, pickLanguage, type PublicLanguage } from './strings.ts';

/**
 * The public pages (`/check`, the job-offer checker; `/help`, find help): one light entry, no
 * React, no Mantine, no cookie, no storage. Each language's strings are fetched only when that
 * language is shown, and the Thai font only for Thai.
 */
const state: CheckState = { values: {}, checked: null };
let thaiFont: Promise<unknown> | null = null;

function loadFont(lang: PublicLanguage): void {
  if (lang === 'th') {
    thaiFont ??= Promise.all([
      import('@fontsource/noto-sans-thai/400.css'),
      import('@fontsource/noto-sans-thai/700.css'),
    ]);
  }
}

async function render(lang: PublicLanguage, focusLanguage: boolean): Promise<void> {
  const strings = await loadStrings(lang);
  loadFont(lang);
  const ctx: PageContext = {
    lang,
    strings,
    t: (key) => strings[key],
    onLanguage: (next) => void switchLanguage(next),
  };
  const help = window.location.pathname.replace(/\/$/, '') === '/help';
  document.documentElement.lang = lang;
  document.title = `${help ? strings.helpTitle : strings.checkTitle} · ${strings.appName}`;
  const exit = byId<HTMLAnchorElement>('quick-exit');
  exit.textContent = strings.quickExit;
  byId('skip-link').textContent = strings.skipToContent;
  byId('app').replaceChildren(
    header(ctx),
    help ? helpPage(ctx) : checkPage(ctx, state),
    footer(ctx),
  );
  if (focusLanguage) {
    byId('language').focus();
  }
}

/** Redraws the page in `lang`, keeping what was typed; the URL says the language, no storage. */
async function switchLanguage(lang: PublicLanguage): Promise<void> {
  const form = document.querySelector('form');
  if (form) {
    readForm(form, state);
  }
  const path = window.location.pathname.replace(/\/$/, '') === '/help' ? '/help' : '/check';
  window.history.replaceState(null, '', pageHref(path, lang));
  await render(lang, true);
}

setUpQuickExit(byId<HTMLAnchorElement>('quick-exit'));
void render(pickLanguage(window.location.search, navigator.languages), false);
