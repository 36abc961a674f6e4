import { api, isApiError } from '@web/lib/api';
import type {
  Instrument,
  InstrumentLang,
  InstrumentList,
  InstrumentView,
} from './instruments.schema';

/** `GET /api/screening/instruments`: the latest version of each, texts in `lang`. */
export function listInstruments(lang: InstrumentLang, signal?: AbortSignal) {
  return api.get<InstrumentList>('/api/screening/instruments', { query: { lang }, signal });
}

/** `GET /api/screening/instruments/:id/versions/:version`, texts in `lang`. */
export function getInstrumentVersion(
  id: string,
  version: number,
  lang: InstrumentLang,
  signal?: AbortSignal,
) {
  return api.get<InstrumentView>(
    `/api/screening/instruments/${encodeURIComponent(id)}/versions/${version}`,
    { query: { lang }, signal },
  );
}

/** `POST /api/screening/instruments`: publishes a version (checked by the server again). */
export function publishInstrument(instrument: Instrument) {
  return api.post<InstrumentView>('/api/screening/instruments', instrument);
}

/** How many older versions the history asks about at most. */
export const HISTORY_LIMIT = 30;

/**
 * The versions of `id` up to `latest` that exist (newest first). The API has no list of an
 * instrument's versions, so each number is asked for; a gap (404) is a number never published.
 */
export async function listVersions(
  id: string,
  latest: number,
  lang: InstrumentLang,
  signal?: AbortSignal,
): Promise<number[]> {
  const numbers = Array.from({ length: Math.min(latest, HISTORY_LIMIT) }, (_, i) => latest - i);
  const found = await Promise.all(
    numbers.map((version) =>
      getInstrumentVersion(id, version, lang, signal).then(
        () => version,
        (caught: unknown) => {
          if (isApiError(caught, 'not_found')) {
            return null;
          }
          throw caught;
        },
      ),
    ),
  );
  return found.filter((version): version is number => version !== null);
}
