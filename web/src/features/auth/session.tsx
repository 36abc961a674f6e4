import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { isApiError, onApiError } from '@web/lib/api';
import { navigate } from '@web/lib/router';
import { useIdleTimer } from '@web/lib/use-idle-timer';
import { getMe, logout } from './auth.api';
import type { Me, UiPermission } from './auth.schema';

/** Why the login page is shown, so it can say so. */
export type LoginNotice = 'locked' | 'loggedOut' | 'loggedOutEverywhere' | 'sessionEnded';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'anonymous'; notice: LoginNotice | null }
  | { status: 'authenticated'; me: Me };

interface SessionContextValue {
  state: SessionState;
  /** Stores the `Me` from a successful login. */
  handleSignedIn: (me: Me) => void;
  /** Ends the session on the server, then shows the login page with `notice`. */
  handleLogOut: (notice: LoginNotice) => Promise<void>;
  /** Shows the login page without calling the server (the session is already gone). */
  handleSessionGone: (notice: LoginNotice) => void;
  /** Reloads `GET /api/me` (after 2FA changes, organisation changes or a failed first load). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Owns who is logged in. Loads `GET /api/me` on start, locks the session after 15 minutes without
 * activity (UX.md), and reacts to `unauthenticated`, `totp_enrolment_required` and
 * `password_change_required` from any call.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const statusRef = useRef(state.status);
  useEffect(() => {
    statusRef.current = state.status;
  }, [state.status]);

  const refresh = useCallback(async () => {
    try {
      const me = await getMe();
      setState({ status: 'authenticated', me });
    } catch (error: unknown) {
      if (isApiError(error, 'unauthenticated') || (isApiError(error) && error.status === 401)) {
        setState((previous) =>
          previous.status === 'anonymous' ? previous : { status: 'anonymous', notice: null },
        );
      } else {
        setState({ status: 'unavailable' });
      }
    }
  }, []);

  const handleSessionGone = useCallback((notice: LoginNotice) => {
    setState({ status: 'anonymous', notice });
  }, []);

  const handleLogOut = useCallback(async (notice: LoginNotice) => {
    try {
      await logout();
    } catch {
      // The session may already have ended on the server; the page is cleared either way.
    }
    setState({ status: 'anonymous', notice });
  }, []);

  const handleSignedIn = useCallback((me: Me) => setState({ status: 'authenticated', me }), []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onApiError((error) => {
        if (statusRef.current !== 'authenticated') {
          return;
        }
        if (error.code === 'unauthenticated') {
          handleSessionGone('sessionEnded');
        } else if (error.code === 'totp_enrolment_required') {
          navigate('/security', { replace: true });
          void refresh();
        } else if (error.code === 'password_change_required') {
          // /api/me then says mustChangePassword, and only the new-password screen is shown.
          void refresh();
        }
      }),
    [handleSessionGone, refresh],
  );

  useIdleTimer({
    enabled: state.status === 'authenticated',
    onIdle: () => void handleLogOut('locked'),
  });

  const value = useMemo(
    () => ({ state, handleSignedIn, handleLogOut, handleSessionGone, refresh }),
    [state, handleSignedIn, handleLogOut, handleSessionGone, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session API. Must be used under `SessionProvider`. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession must be used inside SessionProvider');
  }
  return value;
}

/** The signed-in user. Only for pages rendered after login. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') {
    throw new Error('useMe needs an authenticated session');
  }
  return state.me;
}

/** True when the signed-in user holds `permission`. */
export function hasPermission(me: Me, permission: UiPermission): boolean {
  return me.permissions.includes(permission);
}
