import { type ApiFailure, type CheckRequest, checkOffer } from './api.ts';
import { h } from './dom.ts';
import { resultView } from './result-view.ts';
import { pageLink, type PageContext } from './shell.ts';
import { format, type PublicKey } from './strings.ts';

/** The channels of the API's `JobChannelSchema` (kept equal by check-page.test.ts). */
export const CHANNELS = [
  'social_media',
  'messaging_app',
  'friend_or_relative',
  'job_site',
  'agency',
  'other',
] as const;

/** Longest text the API accepts (its `JOB_CHECK_MAX_TEXT`, kept equal by check-page.test.ts). */
export const MAX_TEXT = 20_000;

const OPTIONAL_FIELDS = [
  { name: 'title', label: 'titleLabel', max: 300 },
  { name: 'salary', label: 'salaryLabel', max: 200 },
  { name: 'location', label: 'locationLabel', max: 300 },
  { name: 'destination', label: 'destinationLabel', max: 200 },
] as const;

type FieldName = 'text' | 'channel' | (typeof OPTIONAL_FIELDS)[number]['name'];

/**
 * What the page remembers while it is open (in memory only, never stored): what was typed, kept
 * across a change of language, and what was last checked, checked again in the new language.
 */
export interface CheckState {
  values: Partial<Record<FieldName, string>>;
  checked: CheckRequest | null;
}

/** The request for the form's values: trimmed, empty optional fields left out. */
export function toRequest(values: CheckState['values']): CheckRequest {
  const request: CheckRequest = { text: (values.text ?? '').trim() };
  for (const name of ['title', 'salary', 'location', 'channel', 'destination'] as const) {
    const value = values[name]?.trim();
    if (value) {
      request[name] = value;
    }
  }
  return request;
}

function failureText(ctx: PageContext, failure: ApiFailure): string {
  const keys: Record<ApiFailure['kind'], PublicKey> = {
    invalid: 'errorInvalid',
    too_long: 'errorTooLong',
    rate_limited: 'errorRateLimited',
    network: 'errorNetwork',
    server: 'errorServer',
  };
  const minutes =
    failure.kind === 'rate_limited' ? Math.max(1, Math.ceil(failure.retryAfterSeconds / 60)) : 1;
  return format(ctx.t(keys[failure.kind]), { minutes: String(minutes) });
}

function input(ctx: PageContext, state: CheckState, field: (typeof OPTIONAL_FIELDS)[number]) {
  const element = h('input', {
    id: field.name,
    name: field.name,
    type: 'text',
    maxlength: String(field.max),
    autocomplete: 'off',
  });
  element.value = state.values[field.name] ?? '';
  return h(
    'div',
    { class: 'pp-field' },
    h('label', { for: field.name }, ctx.t(field.label)),
    element,
  );
}

function channelSelect(ctx: PageContext, state: CheckState): HTMLElement {
  const select = h('select', { id: 'channel', name: 'channel' });
  select.append(h('option', { value: '' }, ctx.t('channelNone')));
  for (const channel of CHANNELS) {
    select.append(h('option', { value: channel }, ctx.t(`channel_${channel}`)));
  }
  select.value = state.values.channel ?? '';
  return h(
    'div',
    { class: 'pp-field' },
    h('label', { for: 'channel' }, ctx.t('channelLabel')),
    select,
  );
}

function textArea(ctx: PageContext, state: CheckState): HTMLElement {
  const area = h('textarea', {
    id: 'text',
    name: 'text',
    rows: '8',
    maxlength: String(MAX_TEXT),
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'text-hint text-error',
  });
  area.value = state.values.text ?? '';
  return h(
    'div',
    { class: 'pp-field' },
    h('label', { for: 'text' }, ctx.t('textLabel')),
    h('p', { id: 'text-hint', class: 'pp-hint' }, ctx.t('textHint')),
    h('p', { id: 'text-error', class: 'pp-error', role: 'alert' }),
    area,
  );
}

/** Reads the form into `state.values`. */
export function readForm(form: HTMLFormElement, state: CheckState): void {
  const data = new FormData(form);
  for (const name of ['text', 'title', 'salary', 'location', 'channel', 'destination'] as const) {
    const value = data.get(name);
    state.values[name] = typeof value === 'string' ? value : '';
  }
}

/** Sends `request`, showing progress, then the result or what went wrong. */
async function runCheck(
  ctx: PageContext,
  state: CheckState,
  parts: { button: HTMLButtonElement; result: HTMLElement; error: HTMLElement },
  options: { focus: boolean },
): Promise<void> {
  const request = state.checked;
  if (!request) {
    return;
  }
  parts.button.disabled = true;
  parts.button.textContent = ctx.t('checking');
  parts.result.setAttribute('aria-busy', 'true');
  const answer = await checkOffer(request, ctx.lang);
  parts.button.disabled = false;
  parts.button.textContent = ctx.t('checkButton');
  parts.result.removeAttribute('aria-busy');
  if (!answer.ok) {
    parts.error.textContent = failureText(ctx, answer.failure);
    parts.result.replaceChildren();
    return;
  }
  parts.result.replaceChildren(resultView(ctx, answer.value, request));
  if (options.focus) {
    document.getElementById('result-title')?.focus();
  }
}

/**
 * The checker: the pasted text and the optional fields, then the result below. Nothing leaves
 * the page before "Check this offer", and nothing is kept by the server.
 */
export function checkPage(ctx: PageContext, state: CheckState): HTMLElement {
  const { t } = ctx;
  const button = h('button', { type: 'submit', class: 'pp-primary' }, t('checkButton'));
  const result = h('section', {
    id: 'result',
    'aria-live': 'polite',
    'aria-labelledby': 'result-title',
  });
  const details = h(
    'details',
    {},
    h('summary', {}, t('moreDetails')),
    ...OPTIONAL_FIELDS.slice(0, 3).map((f) => input(ctx, state, f)),
    channelSelect(ctx, state),
    input(ctx, state, OPTIONAL_FIELDS[3]),
  );
  details.open = Boolean(OPTIONAL_FIELDS.some((f) => state.values[f.name]) || state.values.channel);
  const form = h(
    'form',
    { novalidate: true, autocomplete: 'off' },
    textArea(ctx, state),
    details,
    button,
  );
  const error = form.querySelector<HTMLElement>('#text-error')!;
  const parts = { button, result, error };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    readForm(form, state);
    const request = toRequest(state.values);
    error.textContent = '';
    if (!request.text) {
      error.textContent = t('errorEmpty');
      form.querySelector<HTMLTextAreaElement>('#text')?.focus();
      return;
    }
    state.checked = request;
    void runCheck(ctx, state, parts, { focus: true });
  });
  // A change of language checks the same offer again, so reasons and advice follow the language.
  void runCheck(ctx, state, parts, { focus: false });
  return h(
    'main',
    { id: 'main', class: 'pp-main', tabindex: '-1' },
    h('h1', {}, t('checkTitle')),
    h('p', {}, t('checkIntro')),
    h('p', { class: 'pp-note' }, t('privacyNote')),
    h('p', { class: 'pp-note' }, t('quickExitHint')),
    form,
    result,
    h(
      'p',
      { class: 'pp-help-link' },
      `${t('findHelpIntro')} `,
      pageLink('/help', ctx, t('findHelp')),
    ),
  );
}
