import type { JobCheckResult, JobRisk } from '@/domain/prevention/jobcheck/jobcheck.schema.ts';
import { type CheckRequest, reportAdvert } from './api.ts';
import { h } from './dom.ts';
import type { PageContext } from './shell.ts';
import { format, type PublicKey } from './strings.ts';

/** The probability in words: bands of the calibrated probability (real-world prevalence ~5 %). */
export function chanceKey(probability: number): PublicKey {
  if (probability < 0.05) {
    return 'chance_very_low';
  }
  if (probability < 0.2) {
    return 'chance_low';
  }
  if (probability < 0.5) {
    return 'chance_some';
  }
  return probability < 0.8 ? 'chance_likely' : 'chance_very_likely';
}

/**
 * The probability as a percentage in `lang`, never shown as certain either way: 0.998 reads
 * "> 99%", 0.001 "< 1%".
 */
export function chancePercent(lang: string, probability: number): string {
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  if (probability < 0.01) {
    return `< ${percent.format(0.01)}`;
  }
  return probability > 0.99 ? `> ${percent.format(0.99)}` : percent.format(probability);
}

/** "very likely (83%)" in the page's language. */
function chanceText(ctx: PageContext, probability: number): string {
  const words = ctx.t(chanceKey(probability));
  return format(ctx.t('chanceLabel'), {
    percent: `${words} (${chancePercent(ctx.lang, probability)})`,
  });
}

const RISK_ICON: Record<JobRisk, string> = { high: '!', medium: '?', low: '✓' };

/** The risk as an icon and words (never colour alone), with what it means. */
function riskBadge(ctx: PageContext, risk: JobRisk): HTMLElement {
  return h(
    'div',
    { class: `pp-risk pp-risk-${risk}`, 'data-testid': 'risk' },
    h('span', { class: 'pp-risk-icon', 'aria-hidden': 'true' }, RISK_ICON[risk]),
    h('div', {}, h('strong', {}, ctx.t(`risk_${risk}`)), h('p', {}, ctx.t(`riskExplain_${risk}`))),
  );
}

/**
 * Where a warning sign is documented, folded away: a combined sign lists several documented
 * signs (`A: sources | B: sources`), too long to show open on a phone.
 */
function sourceDetails(ctx: PageContext, source: string): HTMLElement {
  const parts = source
    .split(' | ')
    .map((part) => part.trim())
    .filter(Boolean);
  return h(
    'details',
    { class: 'pp-source' },
    h('summary', {}, ctx.t('reasonSource')),
    parts.length > 1
      ? h('ul', {}, ...parts.map((part) => h('li', {}, part)))
      : h('p', {}, parts[0] ?? source),
  );
}

/** The reasons, strongest first: what fired, whether it raises or lowers the risk, its source. */
function reasonList(ctx: PageContext, result: JobCheckResult): HTMLElement {
  if (result.reasons.length === 0) {
    return h('p', {}, ctx.t('reasonsNone'));
  }
  const sorted = [...result.reasons].sort((a, b) => b.weight - a.weight);
  return h(
    'ul',
    { class: 'pp-reasons', 'data-testid': 'reasons' },
    ...sorted.map((reason) =>
      h(
        'li',
        { class: reason.weight >= 0 ? 'pp-up' : 'pp-down' },
        h(
          'span',
          { class: 'pp-reason-kind' },
          `${ctx.t(reason.kind === 'rule' ? 'reasonKindRule' : 'reasonKindModel')} · ${ctx.t(
            reason.weight >= 0 ? 'reasonRaises' : 'reasonLowers',
          )}`,
        ),
        h('span', { class: 'pp-reason-text' }, reason.text),
        reason.source && sourceDetails(ctx, reason.source),
      ),
    ),
  );
}

/**
 * The checks already reported while the page is open (in memory only), so a redraw in another
 * language does not offer to report the same advert again.
 */
const reported = new WeakSet<CheckRequest>();

/**
 * Reporting the advert: explained first, sent only when the person presses the button, and
 * only the checked fields (plus the country they choose to give).
 */
function reportSection(ctx: PageContext, input: CheckRequest): HTMLElement {
  const origin = h('input', { id: 'origin', type: 'text', maxlength: '100', autocomplete: 'off' });
  const button = h('button', { type: 'button', class: 'pp-secondary' }, ctx.t('reportButton'));
  const status = h('p', { role: 'status', class: 'pp-status', 'data-testid': 'report-status' });
  if (reported.has(input)) {
    button.disabled = true;
    status.textContent = ctx.t('reportDone');
    status.className = 'pp-status pp-ok';
  }
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = ctx.t('reporting');
    const country = origin.value.trim();
    void reportAdvert({ ...input, ...(country && { origin: country }) }).then((sent) => {
      if (sent.ok) {
        reported.add(input);
      }
      status.textContent = ctx.t(sent.ok ? 'reportDone' : 'reportFailed');
      status.className = sent.ok ? 'pp-status pp-ok' : 'pp-status pp-error';
      button.disabled = sent.ok;
    });
  });
  return h(
    'section',
    { class: 'pp-report', 'aria-labelledby': 'report-title' },
    h('h3', { id: 'report-title' }, ctx.t('reportTitle')),
    h('p', {}, ctx.t('reportExplain')),
    h('label', { for: 'origin' }, ctx.t('originLabel')),
    origin,
    button,
    status,
  );
}

/** The whole answer: risk, chance, reasons, advice and reporting. */
export function resultView(
  ctx: PageContext,
  result: JobCheckResult,
  input: CheckRequest,
): HTMLElement {
  return h(
    'div',
    { class: 'pp-result' },
    h('h2', { id: 'result-title', tabindex: '-1' }, ctx.t('resultTitle')),
    riskBadge(ctx, result.risk),
    h('p', { 'data-testid': 'chance' }, chanceText(ctx, result.probability)),
    h('h3', {}, ctx.t('reasonsTitle')),
    reasonList(ctx, result),
    h('h3', {}, ctx.t('adviceTitle')),
    h(
      'ul',
      { class: 'pp-list', 'data-testid': 'advice' },
      ...result.advice.map((a) => h('li', {}, a.text)),
    ),
    reportSection(ctx, input),
  );
}
