import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import { SCENARIO_TIMEOUT } from './case-tasks.fixtures.ts';
import { newOrganisationAdmin, postCase, registerCase, searchCases } from './cases.fixtures.ts';
import { refreshNameKeys } from './case-name-keys.ts';

/**
 * Search across transliteration variants and scripts (issue 10): spellings two edits apart meet
 * through the dictionary's sound key and rank below exact and one-edit matches; Thai, Burmese
 * and Khmer names are found by their usual Latin spelling and the other way round; the script is
 * any ISO 15924 code, detected when not sent; keys written before the romanisation are
 * recomputed at start-up.
 */
let t: TestApp;
let admin: Session;
const id: Record<string, string> = {};

const PEOPLE: Record<string, { given: string; family: string; script?: string }> = {
  rahaman: { given: 'Abdul', family: 'Rahaman' },
  rehman: { given: 'Abdul', family: 'Rehman' },
  chowdhury: { given: 'Kamal', family: 'Chowdhury' },
  mohammed: { given: 'Mohammed', family: 'Karim' },
  prasert: { given: 'ประเสริฐ', family: 'ศรีสุข' },
  htun: { given: 'အောင်', family: 'ထွန်း' },
  sokha: { given: 'សុខា', family: 'ចាន់' },
  latinOnly: { given: 'Somsak', family: 'Jaidee' },
  hani: { given: '伟', family: '王', script: 'Hani' },
};

beforeAll(async () => {
  t = await testApp();
  admin = await newOrganisationAdmin(t.runtime);
  for (const [key, identity] of Object.entries(PEOPLE)) {
    id[key] = (await registerCase(t.app, admin, { identities: [identity] })).id;
  }
}, SCENARIO_TIMEOUT);

async function find(q: string): Promise<string[]> {
  return (await searchCases(t.app, admin, { q, limit: 10 })).items.map((i) => i.id);
}

describe('case search: spellings two or more edits apart', () => {
  it.each([
    ['Abdul Rehman', 'rahaman'],
    ['Kamal Chaudhry', 'chowdhury'],
    ['Muhammad Karim', 'mohammed'],
  ])('%s finds the person recorded under another spelling', async (q, who) => {
    expect(await find(q)).toContain(id[who]);
  });

  it('ranks the exact spelling first and the sound-alike after it', async () => {
    const found = await find('Abdul Rehman');
    expect(found.slice(0, 2)).toEqual([id.rehman, id.rahaman]);
    const page = await searchCases(t.app, admin, { q: 'Abdul Rahaman', limit: 10 });
    expect(page.items.map((i) => i.id).slice(0, 2)).toEqual([id.rahaman, id.rehman]);
  });
});

describe('case search: names in their own script by their usual Latin spelling', () => {
  it.each([
    ['Prasert Srisuk', 'prasert'],
    ['Prasoet', 'prasert'],
    ['Aung Htun', 'htun'],
    ['Aung Tun', 'htun'],
    ['Sokha Chan', 'sokha'],
    ['Wang Wei', 'hani'],
  ])('%s', async (q, who) => {
    expect(await find(q)).toContain(id[who]);
  });

  it('finds a Latin-only record by the name written in its script', async () => {
    expect(await find('สมศักดิ์ ใจดี')).toContain(id.latinOnly);
  });
});

describe('identity scripts', () => {
  it('detects the script when none is sent, and keeps Hani, Hans and Hant as sent', async () => {
    const detected = await registerCase(t.app, admin, {
      identities: [{ given: 'ประเสริฐ', family: 'ใจดี' }],
    });
    expect(detected.identities[0]?.script).toBe('Thai');
    const han = await registerCase(t.app, admin, { identities: [{ given: '伟', family: '王' }] });
    expect(han.identities[0]?.script).toBe('Hani');
    const hant = await registerCase(t.app, admin, {
      identities: [{ given: '偉', family: '王', script: 'Hant' }],
    });
    expect(hant.identities[0]?.script).toBe('Hant');
  });

  it('refuses a script that is not an ISO 15924 code, writing nothing', async () => {
    const res = await postCase(t.app, admin, {
      identities: [{ given: 'Wei', family: 'Wang', script: 'chinese' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe(
      'body.identities.0.script',
    );
  });
});

describe('start-up refresh of keys written before the romanisation', () => {
  it('recomputes the Latin key of a marked identity, so its usual spelling finds it', async () => {
    const old = await registerCase(t.app, admin, {
      identities: [{ given: 'ประเสริฐ', family: 'ใจดี' }],
    });
    // As the name_sound_keys migration leaves a row an older version wrote (any-ascii, version 0).
    await t.runtime.database.query(
      `update case_identities set latin_key = 'praesrith aichdi', key_version = 0
        where case_id = $1`,
      [old.id],
    );
    expect(await find('Prasert Jaidee')).not.toContain(old.id);
    expect(await refreshNameKeys(t.runtime.database.db)).toBeGreaterThanOrEqual(1);
    expect(await find('Prasert Jaidee')).toContain(old.id);
    expect(await refreshNameKeys(t.runtime.database.db)).toBe(0);
  });
});
