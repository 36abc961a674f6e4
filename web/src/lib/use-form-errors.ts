import { useCallback, useState } from 'react';
import { revalidate, type FieldErrors } from './errors';

/**
 * A form's field errors, for the error summary and the fields: `show` after a submit (the summary
 * takes focus each time), `recheck` after every change so a corrected field loses its error at
 * once instead of at the next submit. `check` is the form's own check of all its values.
 */
export function useFormErrors<Values>(check: (values: Values) => FieldErrors) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitCount, setSubmitCount] = useState(0);

  const show = useCallback((next: FieldErrors) => {
    setErrors(next);
    setSubmitCount((count) => count + 1);
  }, []);

  const recheck = useCallback(
    (values: Values, changed: readonly string[]) => {
      setErrors((previous) =>
        Object.keys(previous).length === 0
          ? previous
          : revalidate(previous, changed, check(values)),
      );
    },
    [check],
  );

  const clear = useCallback(() => setErrors({}), []);

  return { errors, submitCount, show, recheck, clear, set: setErrors };
}
