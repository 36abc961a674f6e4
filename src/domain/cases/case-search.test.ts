import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import { SCENARIO_TIMEOUT } from './case-tasks.fixtures.ts';
import {
  expectInvalid,
  newOrganisationAdmin,
  postCase,
  registerCase,
  searchAllIds,
  searchCases,
  searchWorld,
  sorted,
  type SearchWorld,
} from './cases.fixtures.ts';

/**
 * Finding a person through GET /api/cases?q=, as a caseworker types it: in the name's own script,
 * in a Latin spelling, without diacritics, with a typo, by given or family name alone, or by case
 * number; narrowed by filters; paged; and never another organisation's case or a caseworker's
 * colleague's case. Every person is registered through the API (see `searchWorld`).
 */
let t: TestApp;
let as: SearchWorld['as'];
let users: SearchWorld['users'];
let id: SearchWorld['id'];
let foreign: SearchWorld['foreign'];

beforeAll(async () => {
  t = await testApp();
  ({ as, users, id, foreign } = await searchWorld(t.runtime, t.app));
}, SCENARIO_TIMEOUT);

/** Ids a search finds, best first (first page of 100). */
async function find(q: string, who: Session = as.admin, extra: Record<string, string> = {}) {
  return (await searchCases(t.app, who, { q, limit: 100, ...extra })).items.map((i) => i.id);
}
const ALL_HOAS = () => sorted([id.hoa1!, id.hoa2!, id.hoa3!, id.hoa4!]);

describe('case search: names in any script', () => {
  it.each([
    ['Thai as written', 'สมชาย ใจดี', 'somchai'],
    ['Thai transliteration', 'Somchai Jaidee', 'somchai'],
    ['Khmer as written', 'ដារ៉ា សុខ', 'dara'],
    ['Khmer in Latin letters', 'Dara Sok', 'dara'],
    ['Burmese as written', 'အောင် ထွန်း', 'aung'],
    ['Burmese without the space', 'အောင်ထွန်း', 'aung'],
    ['Burmese transliteration', 'Aung Htun', 'aung'],
    ['Bengali as written', 'রহিম উদ্দিন', 'rahim'],
    ['Bengali in Latin letters', 'Rahim Uddin', 'rahim'],
    ['Amharic as written', 'ሰላም ተስፋዬ', 'selam'],
    ['Amharic in Latin letters', 'Selam Tesfaye', 'selam'],
    ['Chinese as usually written', '王伟', 'wang'],
    ['Chinese, with a space', '王 伟', 'wang'],
    ['Chinese in pinyin', 'Wang Wei', 'wang'],
    ['Vietnamese with diacritics', 'Nguyễn Văn An', 'an'],
    ['Vietnamese without diacritics', 'Nguyen Van An', 'an'],
    ['Latin', 'Olena Kovalenko', 'olena'],
    ['Latin, different case', 'OLENA KOVALENKO', 'olena'],
    ['Latin, family name first', 'Dela Cruz Maria Luisa', 'maria'],
  ])('%s: %s', async (_label, q, who) => {
    // Only that person: every other person registered here has a genuinely different name.
    expect(await find(q)).toEqual([id[who]]);
  });
});

describe('case search: misspellings', () => {
  it.each([
    ['given name, letter dropped', 'Somchi Jaidee', 'somchai'],
    ['given name, letters swapped', 'Somcahi Jaidee', 'somchai'],
    ['given name, letter replaced', 'Somchay Jaidee', 'somchai'],
    ['family name, letter dropped', 'Somchai Jaide', 'somchai'],
    ['family name, letters swapped', 'Somchai Jadiee', 'somchai'],
    ['family name, letter replaced', 'Somchai Jaidii', 'somchai'],
    ['given name, letter dropped', 'Olna Kovalenko', 'olena'],
    ['family name, letters swapped', 'Olena Kovalneko', 'olena'],
    ['family name, letter replaced', 'Olena Kowalenko', 'olena'],
    ['short name, letter replaced', 'Aung Htin', 'aung'],
    ['short name, letters swapped', 'Aung Hutn', 'aung'],
    ['short name, letter dropped', 'Wang We', 'wang'],
    ['family name, letter replaced', 'Selam Tesfaie', 'selam'],
    ['family name, letters swapped', 'Maria Luisa Dela Curz', 'maria'],
    ['transliterated, letter dropped', 'Rahim Udin', 'rahim'],
    ['Thai given name, letter dropped', 'สมชา ใจดี', 'somchai'],
    ['Thai family name, letter dropped', 'สมชาย ใจด', 'somchai'],
  ])('%s: %s', async (_label, q, who) => {
    expect(await find(q)).toEqual([id[who]]);
  });
});

describe('case search: part of a name', () => {
  it.each([
    ['given name', 'Somchai', 'somchai'],
    ['given name in Thai', 'สมชาย', 'somchai'],
    ['given name', 'Olena', 'olena'],
    ['both given names', 'Maria Luisa', 'maria'],
    ['first of two given names', 'Maria', 'maria'],
    ['given name in Latin letters', 'Rahim', 'rahim'],
    ['given name in Bengali', 'রহিম', 'rahim'],
    ['given name', 'Selam', 'selam'],
    ['family name', 'Kovalenko', 'olena'],
    ['family name', 'Jaidee', 'somchai'],
    ['family name of two words', 'Dela Cruz', 'maria'],
  ])('%s: %s', async (_label, q, who) => {
    expect(await find(q)).toEqual([id[who]]);
  });

  it('finds the four people with the same common name, and only them', async () => {
    expect(sorted(await find('Tran Thi Hoa'))).toEqual(ALL_HOAS());
    expect(sorted(await find('Trần Thị Hoa'))).toEqual(ALL_HOAS());
  });
});

describe('case search: case numbers', () => {
  it('ranks the case with that number first, in any letter case', async () => {
    for (const q of ['HOA-0003', 'hoa-0003', ' HOA-0003 ']) {
      const found = await find(q);
      expect(found[0], q).toBe(id.hoa3);
      expect(found, q).not.toContain(foreign.hoa);
    }
  });

  it('finds a generated case number', async () => {
    const c = await searchCases(t.app, as.admin, { q: 'Olena Kovalenko' });
    const number = c.items[0]!.caseNumber;
    expect((await find(number))[0]).toBe(id.olena);
  });
});

describe('case search: filters narrow a name search', () => {
  it.each([
    ['nationality=VNM', ['hoa1', 'hoa2', 'hoa4']],
    ['nationality=KHM', ['hoa3']],
    ['risk=high', ['hoa1', 'hoa3']],
    ['risk=medium', ['hoa4']],
    ['stage=return', ['hoa1', 'hoa4']],
    ['stage=exit', ['hoa2']],
    ['status=closed', ['hoa2']],
    ['status=open', ['hoa1', 'hoa3', 'hoa4']],
    ['retraffickingRisk=high', ['hoa1']],
    ['retraffickingRisk=medium', ['hoa4']],
    // hoa3 was registered without risk factors: not assessed, not "none".
    ['retraffickingRisk=not_assessed', ['hoa3']],
    ['retraffickingRisk=none', []],
    ['nationality=VNM&risk=high', ['hoa1']],
    ['nationality=VNM&stage=return&status=open', ['hoa1', 'hoa4']],
    ['nationality=THA', []],
    // A garbled extra word: no word match, the whole-name fallback narrows the same way.
    ['q=Tran Thi Hoa Qx&nationality=VNM&risk=high', ['hoa1']],
  ])('%s', async (filter, keys) => {
    const extra = Object.fromEntries(new URLSearchParams(filter));
    expect(sorted(await find('Tran Thi Hoa', as.admin, extra))).toEqual(
      sorted(keys.map((k) => id[k]!)),
    );
  });

  it('narrows by assignee, including "me"', async () => {
    const byA = await find('Tran Thi Hoa', as.admin, { assignee: users.cwA.id });
    expect(sorted(byA)).toEqual(sorted([id.hoa1!, id.hoa3!]));
    const mine = await find('Tran Thi Hoa', as.admin, { assignee: 'me' });
    expect(mine).toEqual([id.hoa4]);
  });

  it('keeps the name query when filtering: other people with the same attributes stay out', async () => {
    // Olena (UKR) is not VNM; Somchai is open and assigned to the admin like hoa4.
    const found = await find('Tran Thi Hoa', as.admin, { status: 'open', assignee: 'me' });
    expect(found).toEqual([id.hoa4]);
    expect(await find('Olena Kovalenko', as.admin, { nationality: 'VNM' })).toEqual([]);
  });
});

describe('case search: paging', () => {
  it('returns every match of a name search exactly once, page by page', async () => {
    for (const limit of [1, 2, 3]) {
      const ids = await searchAllIds(t.app, as.admin, { q: 'Tran Thi Hoa', limit });
      expect(ids.length, `limit ${limit}`).toBe(new Set(ids).size);
      expect(sorted(ids), `limit ${limit}`).toEqual(ALL_HOAS());
    }
    const vnm = await searchAllIds(t.app, as.admin, { q: 'Hoa', nationality: 'VNM', limit: 1 });
    expect(sorted(vnm)).toEqual(sorted([id.hoa1!, id.hoa2!, id.hoa4!]));
  });

  it('returns every case of the organisation exactly once when listing', async () => {
    const ids = await searchAllIds(t.app, as.admin, { limit: 2 });
    expect(ids.length).toBe(new Set(ids).size);
    expect(sorted(ids)).toEqual(sorted(Object.values(id)));
  });
});

describe('case search: who sees what', () => {
  it('shows caseworkers only their assigned cases', async () => {
    expect(sorted(await find('Tran Thi Hoa', as.cwA))).toEqual(sorted([id.hoa1!, id.hoa3!]));
    expect(await find('Tran Thi Hoa', as.cwB)).toEqual([id.hoa2]);
    expect(await find('Somchai Jaidee', as.cwA)).toEqual([]);
    // hoa2 is cwB's and has a similar name, but not that number.
    expect(await find('HOA-0003', as.cwB)).not.toContain(id.hoa3);
    expect(sorted(await searchAllIds(t.app, as.cwA, { limit: 1 }))).toEqual(
      sorted([id.hoa1!, id.hoa3!]),
    );
    expect(await searchAllIds(t.app, as.cwB, { limit: 1 })).toEqual([id.hoa2]);
  });

  it('lets viewers search every case of the organisation', async () => {
    expect(sorted(await find('Tran Thi Hoa', as.viewer))).toEqual(ALL_HOAS());
  });

  it("never returns another organisation's case with the same name or number", async () => {
    const mine = Object.values(id);
    for (const q of ['สมชาย ใจดี', 'Somchai Jaidee', 'Tran Thi Hoa', 'HOA-0003', 'Somchi']) {
      expect(
        (await find(q)).filter((f) => !mine.includes(f)),
        q,
      ).toEqual([]);
    }
    expect(await find('Somchai Jaidee', as.otherAdmin)).toEqual([foreign.somchai]);
    expect(await find('HOA-0003', as.otherAdmin)).toEqual([foreign.hoa]);
    expect(await searchAllIds(t.app, as.otherAdmin, { limit: 100 })).not.toContain(id.hoa1);
  });
});

describe('case search: precision', () => {
  it.each([
    ['Somchai Jaidee', 'an'],
    ['Nguyen Van An', 'somchai'],
    ['Wang Wei', 'aung'],
    ['Aung Htun', 'wang'],
    ['Olena Kovalenko', 'selam'],
    ['Maria Luisa Dela Cruz', 'rahim'],
    ['Dara Sok', 'somchai'],
  ])('%s does not return %s', async (q, other) => {
    expect(await find(q)).not.toContain(id[other]);
  });

  it('finds nobody for a name nobody has', async () => {
    expect(await find('Bartholomew Higginbotham')).toEqual([]);
    expect(await find('ประยุทธ์ จันทร์โอชา')).toEqual([]);
  });
});

describe('case search: ranking and edited names', () => {
  it('ranks the exact name above people with a similar one', async () => {
    const admin = await newOrganisationAdmin(t.runtime);
    const ids: Record<string, string> = {};
    for (const [given, family] of [
      ['Olena', 'Kovalenka'],
      ['Olena', 'Kovalenko'],
      ['Olga', 'Kovalenko'],
      ['Olena', 'Kovalchuk'],
    ]) {
      ids[`${given} ${family}`] = (
        await registerCase(t.app, admin, { identities: [{ given, family }] })
      ).id;
    }
    for (const name of Object.keys(ids)) {
      expect((await find(name, admin))[0], name).toBe(ids[name]);
    }
  });

  it('finds a person by a corrected name and an added alias, not by the old spelling', async () => {
    const admin = await newOrganisationAdmin(t.runtime);
    const c = await registerCase(t.app, admin, {
      identities: [{ given: 'Pranee', family: 'Wongsawatt' }],
    });
    const res = await request(t.app, admin, {
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: {
        version: 1,
        identities: [
          { given: 'Kanokwan', family: 'Srisuk' },
          { given: 'Nok', kind: 'alias' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await find('Kanokwan Srisuk', admin)).toEqual([c.id]);
    expect(await find('Nok', admin)).toEqual([c.id]);
    expect(await find('Pranee Wongsawatt', admin)).toEqual([]);
    const shown = (await searchCases(t.app, admin, { q: 'Srisuk' })).items[0];
    expect(shown?.displayName).toBe('Kanokwan Srisuk');
  });
});

describe('duplicate check before registering', () => {
  const duplicates = async (query: string, who: Session = as.admin) => {
    const res = await request(t.app, who, { method: 'GET', url: `/api/cases/duplicates?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: string }[]).map((i) => i.id);
  };
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

  it('warns about the same person by name, spelling, script, birth year ±1 and nationality', async () => {
    const queries: Record<string, string>[] = [
      { given: 'Somchai', family: 'Jaidee' },
      { given: 'Somchay', family: 'Jaidee', birthYear: '1999' },
      { given: 'สมชาย', family: 'ใจดี', nationality: 'THA' },
      { given: 'Somchai', family: 'Jaidee', birthYear: '1998', nationality: 'THA' },
    ];
    for (const params of queries) {
      expect(await duplicates(q(params)), JSON.stringify(params)).toEqual([id.somchai]);
    }
  });

  it('does not warn about someone born years apart, of another nationality, or elsewhere', async () => {
    const name = { given: 'Somchai', family: 'Jaidee' };
    expect(await duplicates(q({ ...name, birthYear: '2005' }))).toEqual([]);
    expect(await duplicates(q({ ...name, nationality: 'MMR' }))).toEqual([]);
    expect(await duplicates(q({ given: 'Aung', family: 'Htun', birthYear: '1998' }))).not.toContain(
      id.somchai,
    );
    expect(await duplicates(q(name), as.otherAdmin)).toEqual([foreign.somchai]);
  });

  it('warns a caseworker about a case not assigned to them', async () => {
    expect(await duplicates(q({ given: 'Olena', family: 'Kovalenko' }), as.cwA)).toEqual([
      id.olena,
    ]);
  });
});

describe('re-trafficking risk factors', () => {
  it('refuses a factor recorded twice, so the level shown and the filter agree', async () => {
    const res = await postCase(t.app, as.admin, {
      identities: [{ given: 'Kesorn', family: 'Repeat' }],
      riskFactors: ['debt', 'debt'],
    });
    expectInvalid(res, 'riskFactors', 'repeated factor');
    expect(await find('Kesorn Repeat', as.admin)).toEqual([]);
  });
});

describe('a NUL character in a search', () => {
  it('answers 400 problem+json', async () => {
    for (const url of ['/api/cases?q=Som%00chai', '/api/cases/duplicates?given=Som%00chai']) {
      const res = await request(t.app, as.admin, { method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
