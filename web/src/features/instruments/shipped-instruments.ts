import delphi from '@/domain/screening/instruments/ilo-ec-delphi.v1.json';
import ilo from '@/domain/screening/instruments/ilo-forced-labour.v1.json';
import palermo from '@/domain/screening/instruments/palermo-elements.v1.json';
import scam from '@/domain/screening/instruments/scam-forced-criminality.v1.json';
import { InstrumentSchema, type Instrument } from './instruments.schema';

/**
 * The built-in instruments as shipped in the repository, whole: the API sends an instrument in
 * one language and without its sources, dimension names or rule parts, so the instruments page
 * reads those from the files the server itself loads (src/domain/screening/instruments/).
 */
const SHIPPED: readonly Instrument[] = [palermo, ilo, delphi, scam].map((doc) =>
  InstrumentSchema.parse(doc),
);

/** The shipped document of `id` at `version` (or its latest shipped version); undefined if none. */
export function shippedInstrument(id: string, version?: number): Instrument | undefined {
  const versions = SHIPPED.filter((doc) => doc.id === id);
  if (version !== undefined) {
    return versions.find((doc) => doc.version === version);
  }
  return versions.reduce<Instrument | undefined>(
    (latest, doc) => (latest === undefined || doc.version > latest.version ? doc : latest),
    undefined,
  );
}
