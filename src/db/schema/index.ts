export * from './auth.ts';
export * from './audit.ts';
export * from './keys.ts';
export * from './cases.ts';
export * from './drafts.ts';
export * from './screening.ts';
export * from './nrm.ts';
export * from './advert-reports.ts';
