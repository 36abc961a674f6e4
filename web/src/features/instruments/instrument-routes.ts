/**
 * The instruments pages' addresses (hash paths):
 * `/instruments` the list, `/instruments/new` a blank own instrument, `/instruments/import` a JSON
 * document, `/instruments/:id/:version` one version, `…/new-version` a new version from it,
 * `…/copy` an own instrument started from it.
 */
export type InstrumentRoute =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'import' }
  | { page: 'view'; id: string; version: number }
  | { page: 'new-version' | 'copy'; id: string; version: number };

const VERSION_PATH = /^\/instruments\/([a-z][a-z0-9-]{0,99})\/(\d{1,6})(?:\/(new-version|copy))?$/;

/** The page a path shows; null for an address that is not one of them. */
export function parseInstrumentPath(path: string): InstrumentRoute | null {
  if (path === '/instruments') {
    return { page: 'list' };
  }
  if (path === '/instruments/new' || path === '/instruments/import') {
    return { page: path === '/instruments/new' ? 'new' : 'import' };
  }
  const match = VERSION_PATH.exec(path);
  if (!match?.[1] || !match[2]) {
    return null;
  }
  const version = Number(match[2]);
  if (version < 1) {
    return null;
  }
  const page = (match[3] as 'new-version' | 'copy' | undefined) ?? 'view';
  return { page, id: match[1], version };
}

export function versionPath(id: string, version: number, action?: 'new-version' | 'copy'): string {
  return `/instruments/${id}/${version}${action ? `/${action}` : ''}`;
}
