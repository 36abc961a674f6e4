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
import i18n, { isLanguageCode, switchLanguage, redrawTexts, type LanguageCode } from '@web/i18n';
import { isApiError, onApiError } from '@web/lib/api';
import { SIGNED_OUT, wipeAndReload, type SignedOutNotice } from '@web/lib/device-state';
import { setCalendarPreference } from '@web/lib/format';
import { navigate } from '@web/lib/router';
import { useIdleTimer } from '@web/lib/use-idle-timer';
import { getMe, logout, savePreferences } from './auth.api';
import type { Me, PreferencesUpdate, UiPermission } from './auth.schema';

/** Why the login page is shown, so it can say so. */
export type LoginNotice = SignedOutNotice;

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
  /**
   * Changes display preferences: shown at once, saved on the server (`PATCH /api/me/preferences`),
   * never on the device. Only while signed in.
   */
  updatePreferences: (patch: PreferencesUpdate) => Promise<void>;
  /** Switches the UI language; signed in, it is saved as a preference, before login remembered
   * in memory and saved at login. */
  handleLanguageChange: (code: LanguageCode) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** A language picked on the login page, saved as the preference once the user is signed in. */
let languageChosenBeforeLogin: LanguageCode | null = null;

/**
 * Applies the server's preferences on sign-in: calendar, then language. A language chosen on the
 * login page wins over the stored one and is saved (not possible before a forced password change).
 */
function adoptPreferences(me: Me): Me {
  setCalendarPreference(me.preferences.calendar);
  const chosen = languageChosenBeforeLogin;
  languageChosenBeforeLogin = null;
  if (chosen && chosen !== me.preferences.language && !me.user.mustChangePassword) {
    savePreferences({ language: chosen }).catch(() => undefined);
    return { ...me, preferences: { ...me.preferences, language: chosen } };
  }
  const stored = me.preferences.language;
  if (isLanguageCode(stored) && stored !== i18n.language) {
    void switchLanguage(stored);
  } else {
    redrawTexts();
  }
  return me;
}

function withPreferences(state: SessionState, patch: PreferencesUpdate): SessionState {
  if (state.status !== 'authenticated') {
    return state;
  }
  const { calendar, ...rest } = patch;
  const preferences = { ...state.me.preferences, ...rest };
  if (calendar === null) {
    delete preferences.calendar;
  } else if (calendar !== undefined) {
    preferences.calendar = calendar;
  }
  return { status: 'authenticated', me: { ...state.me, preferences } };
}

/**
 * Owns who is logged in. Loads `GET /api/me` on start, locks the session after 15 minutes without
 * activity (UX.md), and reacts to `unauthenticated`, `totp_enrolment_required` and
 * `password_change_required` from any call. Every way out (log out, idle lock, a session that
 * ended) wipes what the app stored on the device and reloads the page (lib/device-state.ts).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const statusRef = useRef(state.status);
  useEffect(() => {
    statusRef.current = state.status;
  }, [state.status]);

  const refresh = useCallback(async () => {
    try {
      const me = adoptPreferences(await getMe());
      setState({ status: 'authenticated', me });
    } catch (error: unknown) {
      if (isApiError(error, 'unauthenticated') || (isApiError(error) && error.status === 401)) {
        setState((previous) =>
          previous.status === 'anonymous'
            ? previous
            : {
                status: 'anonymous',
                notice: previous.status === 'loading' ? SIGNED_OUT.notice : null,
              },
        );
      } else {
        setState({ status: 'unavailable' });
      }
    }
  }, []);

  // The signed-in screens go at once; the login page (with `notice`) comes after the reload.
  const handleSessionGone = useCallback((notice: LoginNotice) => {
    setState({ status: 'loading' });
    void wipeAndReload(notice, i18n.language);
  }, []);

  const handleLogOut = useCallback(async (notice: LoginNotice) => {
    try {
      await logout();
    } catch {
      // The session may already have ended on the server; the page is cleared either way.
    }
    setState({ status: 'loading' });
    await wipeAndReload(notice, i18n.language);
  }, []);

  const handleSignedIn = useCallback(
    (me: Me) => setState({ status: 'authenticated', me: adoptPreferences(me) }),
    [],
  );

  const updatePreferences = useCallback(async (patch: PreferencesUpdate) => {
    if ('calendar' in patch) {
      setCalendarPreference(patch.calendar ?? undefined);
      redrawTexts();
    }
    setState((previous) => withPreferences(previous, patch));
    try {
      const saved = await savePreferences(patch);
      setState((previous) => withPreferences(previous, saved));
    } catch {
      // Shown for this visit; the error listener below handles an ended session.
    }
  }, []);

  const handleLanguageChange = useCallback(
    (code: LanguageCode) => {
      void switchLanguage(code);
      if (statusRef.current !== 'authenticated') {
        languageChosenBeforeLogin = code;
        return;
      }
      if (state.status === 'authenticated' && !state.me.user.mustChangePassword) {
        void updatePreferences({ language: code });
      }
    },
    [state, updatePreferences],
  );

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
    () => ({
      state,
      handleSignedIn,
      handleLogOut,
      handleSessionGone,
      refresh,
      updatePreferences,
      handleLanguageChange,
    }),
    [
      state,
      handleSignedIn,
      handleLogOut,
      handleSessionGone,
      refresh,
      updatePreferences,
      handleLanguageChange,
    ],
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
