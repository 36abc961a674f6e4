import {
  emptyTexts,
  newIndicator,
  newTerm,
  newUid,
  type InstrumentForm,
  type PartForm,
} from './instrument-form-model';

/**
 * A blank own instrument: one source, one dimension, one indicator, one part scoring that
 * dimension, required for adults and children, at least one strong or two medium answers.
 */
export function blankForm(): InstrumentForm {
  const part: PartForm = {
    uid: newUid(),
    key: 'indicators',
    title: emptyTexts(),
    by: 'dimensions',
    element: '',
    dimensions: ['main'],
    threshold: null,
  };
  return {
    id: '',
    version: '1',
    kind: 'forced_labour_indicators',
    title: emptyTexts(),
    description: emptyTexts(),
    licence: '',
    sources: [{ uid: newUid(), key: 'ORG', citation: '', url: '', status: 'unverified' }],
    dimensions: [{ uid: newUid(), key: 'main', title: emptyTexts() }],
    elementsProvenance: '',
    threshold: [
      { uid: newUid(), terms: [newTerm(['strong'], '1')] },
      { uid: newUid(), terms: [newTerm(['medium'], '2')] },
    ],
    parts: [part],
    adult: [{ uid: newUid(), parts: ['indicators'] }],
    child: [{ uid: newUid(), parts: ['indicators'] }],
    summary: emptyTexts(),
    ruleProvenance: 'project_convention',
    verified: false,
    caveats: [],
    indicators: [newIndicator('main', ['ORG'])],
  };
}

/** `items` with the row at `index` moved by `by` (−1 up, +1 down); unchanged at an end. */
export function moveRow<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) {
    return [...items];
  }
  const next = [...items];
  const [row] = next.splice(index, 1);
  next.splice(target, 0, row as T);
  return next;
}
