import { useSyncExternalStore } from 'react';

/**
 * A very small hash router: `#/users` is the path `/users`. No library, no nested routes; the
 * route table lives in `App.tsx`.
 */

/** Reads the current path from `location.hash` (`/` when empty). */
export function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  return path.startsWith('/') ? path : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current path; re-renders on every hash change. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

/** The `href` for a path, for use in links. */
export function href(path: string): string {
  return `#${path}`;
}

/**
 * Goes to `path`. With `replace`, the current entry is replaced, so Back does not return to a page
 * the user was sent away from (for example the forced 2FA set-up).
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (currentPath() === path) {
    return;
  }
  if (options.replace) {
    window.location.replace(href(path));
  } else {
    window.location.hash = path;
  }
}
