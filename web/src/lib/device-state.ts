/**
 * What the app may leave on the device, and how it is wiped (issue 9, item 3). Nothing about a
 * person is stored in the browser; display preferences live on the server (`/api/me`). On logout
 * (manual, idle or a session that ended) everything this origin stored is removed and the page is
 * reloaded, so no in-memory state of the signed-in app (lists, drafts typed offline, caches of
 * modules) survives either. The reload carries only why the login page is shown and its
 * language, in the address, which is cleaned again at once.
 */

/** Why the login page is shown after a reload (the values of `LoginNotice`). */
export const SIGNED_OUT_NOTICES = [
  'locked',
  'loggedOut',
  'loggedOutEverywhere',
  'sessionEnded',
] as const;
export type SignedOutNotice = (typeof SIGNED_OUT_NOTICES)[number];

const NOTICE_PARAM = 'signedOut';
const LANGUAGE_PARAM = 'lang';

function readAndCleanAddress(): { notice: SignedOutNotice | null; language: string | null } {
  try {
    const url = new URL(window.location.href);
    const notice = url.searchParams.get(NOTICE_PARAM);
    const language = url.searchParams.get(LANGUAGE_PARAM);
    if (notice !== null || language !== null) {
      url.searchParams.delete(NOTICE_PARAM);
      url.searchParams.delete(LANGUAGE_PARAM);
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }
    return {
      notice: SIGNED_OUT_NOTICES.find((value) => value === notice) ?? null,
      language: language && /^[a-z]{2,3}$/.test(language) ? language : null,
    };
  } catch {
    return { notice: null, language: null };
  }
}

/** Read once when the app starts: the notice and language a logout reload passed on. */
export const SIGNED_OUT = readAndCleanAddress();

async function clearCaches(): Promise<void> {
  if (!('caches' in window)) {
    return;
  }
  const names = await window.caches.keys();
  await Promise.all(names.map((name) => window.caches.delete(name)));
}

async function clearDatabases(): Promise<void> {
  if (!('indexedDB' in window) || typeof window.indexedDB.databases !== 'function') {
    return;
  }
  const databases = await window.indexedDB.databases();
  databases.forEach((database) => {
    if (database.name) {
      window.indexedDB.deleteDatabase(database.name);
    }
  });
}

/**
 * Removes everything this origin stored in the browser: localStorage, sessionStorage, Cache
 * Storage and IndexedDB. Never throws: storage that is blocked holds nothing to clear.
 */
export async function clearDeviceState(): Promise<void> {
  for (const storage of ['localStorage', 'sessionStorage'] as const) {
    try {
      window[storage].clear();
    } catch {
      // Blocked storage (strict privacy settings) cannot hold anything either.
    }
  }
  await Promise.allSettled([clearCaches(), clearDatabases()]);
}

/**
 * Wipes the device, then reloads the app on its login page with `notice`, in `language`. The
 * reload drops every piece of in-memory state of the signed-in app.
 */
export async function wipeAndReload(notice: SignedOutNotice, language: string): Promise<void> {
  await clearDeviceState();
  const url = new URL(window.location.href);
  url.search = '';
  url.searchParams.set(NOTICE_PARAM, notice);
  url.searchParams.set(LANGUAGE_PARAM, language);
  url.hash = '#/';
  window.location.replace(url.toString());
}
