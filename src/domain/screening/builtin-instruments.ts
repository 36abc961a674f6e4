import delphi from './instruments/ilo-ec-delphi.v1.json' with { type: 'json' };
import ilo from './instruments/ilo-forced-labour.v1.json' with { type: 'json' };
import palermo from './instruments/palermo-elements.v1.json' with { type: 'json' };
import scam from './instruments/scam-forced-criminality.v1.json' with { type: 'json' };
import { type Instrument, InstrumentSchema } from './instrument.schema.ts';

/**
 * The instruments Homeward ships, parsed (and so checked) when the module loads: a malformed
 * built-in stops the server at start, never a screening halfway. A new version is a new file
 * beside the old one; results name the version they were scored with. Sources: SOURCES.md.
 */
export const BUILTIN_INSTRUMENTS: readonly Instrument[] = Object.freeze(
  [palermo, ilo, delphi, scam].map((doc) => Object.freeze(InstrumentSchema.parse(doc))),
);

/**
 * A built-in instrument by id, at `version` or the latest; undefined when there is none.
 * @example builtinInstrument('ilo-ec-delphi')?.version // 1
 */
export function builtinInstrument(id: string, version?: number): Instrument | undefined {
  const versions = BUILTIN_INSTRUMENTS.filter((i) => i.id === id);
  if (version !== undefined) {
    return versions.find((i) => i.version === version);
  }
  return versions.reduce<Instrument | undefined>(
    (latest, i) => (latest === undefined || i.version > latest.version ? i : latest),
    undefined,
  );
}
