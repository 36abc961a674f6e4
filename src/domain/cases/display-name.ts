import { isHan } from './name-script.schema.ts';

/**
 * How a name is shown. Chinese, Japanese and Korean names put the family name first (王伟, with
 * no space between Han characters); other scripts show the given name first. Han is the same
 * whichever of its codes the identity carries (`Hani`, `Hans`, `Hant`). No dependencies beyond
 * name-script.schema.ts: the web app imports this too.
 */
const FAMILY_FIRST = new Set(['Jpan', 'Kore']);
const HAN = /^[\p{Script=Han}]+$/u;

export function displayName(
  given?: string | null,
  family?: string | null,
  script?: string | null,
): string {
  const g = given?.trim() ?? '';
  const f = family?.trim() ?? '';
  if (isHan(script) || (script && FAMILY_FIRST.has(script))) {
    return [f, g].filter(Boolean).join(HAN.test(f) && HAN.test(g) ? '' : ' ');
  }
  return [g, f].filter(Boolean).join(' ');
}
