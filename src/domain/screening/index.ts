export * from './instrument.schema.ts';
export * from './screening.schema.ts';
export { evaluateScreening } from './evaluate.ts';
export { childRulesFor } from './child-rules.ts';
export { BUILTIN_INSTRUMENTS, builtinInstrument } from './builtin-instruments.ts';
