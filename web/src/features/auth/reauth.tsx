import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useState,
  type ReactNode,
} from 'react';
import { isApiError } from '@web/lib/api';

// The dialog loads on first use, keeping the first download small (UX.md).
const ReauthDialog = lazy(() =>
  import('./reauth-dialog').then((module) => ({ default: module.ReauthDialog })),
);

/** What `withReauth` returns when the person closed the dialog instead of confirming. */
export const REAUTH_CANCELLED: unique symbol = Symbol('reauth-cancelled');

type AskForReauth = () => Promise<boolean>;

const ReauthContext = createContext<AskForReauth | null>(null);

/**
 * Holds the one re-authentication dialog of the signed-in app. Security changes (2FA set-up and
 * removal, new recovery codes) answer `reauthentication_required` when the password was last
 * proved more than a few minutes ago; `useReauth` then opens this dialog and retries.
 */
export function ReauthProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<((confirmed: boolean) => void) | null>(null);
  // Counts requests: a new form for each, and no dialog (nor its code) before the first.
  const [round, setRound] = useState(0);

  const ask = useCallback<AskForReauth>(
    () =>
      new Promise<boolean>((resolve) => {
        setRound((previous) => previous + 1);
        setPending(() => resolve);
      }),
    [],
  );

  const finish = (confirmed: boolean) => {
    pending?.(confirmed);
    setPending(null);
  };

  return (
    <ReauthContext.Provider value={ask}>
      {children}
      {round > 0 && (
        <Suspense fallback={null}>
          <ReauthDialog
            opened={pending !== null}
            round={round}
            onDone={() => finish(true)}
            onCancel={() => finish(false)}
          />
        </Suspense>
      )}
    </ReauthContext.Provider>
  );
}

/**
 * Runs `action`; when the server answers `reauthentication_required`, asks for the password (and
 * code) in the dialog and runs `action` once more. Resolves to `REAUTH_CANCELLED` when the person
 * closes the dialog.
 * @throws whatever `action` throws otherwise (a second `reauthentication_required` included).
 * @example
 *   const result = await withReauth(() => createRecoveryCodes());
 *   if (result !== REAUTH_CANCELLED) showCodes(result.recoveryCodes);
 */
export function useReauth(): <T>(action: () => Promise<T>) => Promise<T | typeof REAUTH_CANCELLED> {
  const ask = useContext(ReauthContext);
  return useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | typeof REAUTH_CANCELLED> => {
      try {
        return await action();
      } catch (caught: unknown) {
        if (!ask || !isApiError(caught, 'reauthentication_required')) {
          throw caught;
        }
        if (!(await ask())) {
          return REAUTH_CANCELLED;
        }
        return action();
      }
    },
    [ask],
  );
}
