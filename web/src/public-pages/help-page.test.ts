import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '@/domain/directory/directory.schema.ts';
import { HELP_SERVICES } from './help-results.ts';

/**
 * The find-help page copies the API's service kinds instead of importing its Zod schema (which
 * would put Zod in the public pages' 60 KB): they must stay equal.
 */
describe('find help and the directory API', () => {
  it('offers every service kind of the API, and only those', () => {
    expect([...HELP_SERVICES]).toEqual([...SERVICE_KINDS]);
  });
});
