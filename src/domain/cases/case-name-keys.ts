import type { Db } from '@/db/client.ts';
import { latinKey, NAME_KEY_VERSION } from './case-names.ts';
import { setLatinKeys, staleNameKeys } from './case-search.repository.ts';

const BATCH = 1000;

/**
 * Recomputes the Latin search keys of identities written before the current key version
 * (`NAME_KEY_VERSION`; the name_sound_keys migration marks Thai, Burmese and Khmer names,
 * whose keys became romanisations), in batches, and returns how many were updated. Run at
 * start-up after the migrations; an installation with nothing to refresh reads one empty partial index.
 * Idempotent: an interrupted run continues at the next start.
 */
export async function refreshNameKeys(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await staleNameKeys(db, NAME_KEY_VERSION, BATCH);
    if (rows.length === 0) {
      return done;
    }
    await setLatinKeys(
      db,
      NAME_KEY_VERSION,
      rows.map((r) => ({ id: r.id, latinKey: latinKey(r.nameKey) })),
    );
    done += rows.length;
  }
}
