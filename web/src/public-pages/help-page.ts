import { h } from './dom.ts';
import { pageLink, type PageContext } from './shell.ts';

/**
 * "Find help" (issue 12 will add the directory of organisations): what to do now, honestly
 * saying the directory is not there yet, and no phone number that nobody has checked.
 */
export function helpPage(ctx: PageContext): HTMLElement {
  const { t } = ctx;
  return h(
    'main',
    { id: 'main', class: 'pp-main', tabindex: '-1' },
    h('h1', {}, t('helpTitle')),
    h('p', {}, t('helpIntro')),
    h('p', { class: 'pp-note' }, t('quickExitHint')),
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
    h('h2', {}, t('helpDirectoryTitle')),
    h('p', {}, t('helpDirectory')),
    h('p', {}, pageLink('/check', ctx, t('helpBack'))),
  );
}
