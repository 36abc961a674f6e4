import { api } from '@web/lib/api';
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

/** `GET /api/screening/instruments/:id/versions/:version/document`: the version whole. */
export function getInstrumentDocument(id: string, version: number, signal?: AbortSignal) {
  return api.get<Instrument>(
    `/api/screening/instruments/${encodeURIComponent(id)}/versions/${version}/document`,
    { signal },
  );
}

/** The version numbers of `id` the organisation may use, newest first. */
export async function listVersions(
  id: string,
  lang: InstrumentLang,
  signal?: AbortSignal,
): Promise<number[]> {
  const list = await api.get<InstrumentList>(
    `/api/screening/instruments/${encodeURIComponent(id)}/versions`,
    { query: { lang }, signal },
  );
  return list.items.map((item) => item.version).reverse();
}
