import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  randomAddress,
  request,
  testApp,
  type TestApp,
} from '@test/support/build-app.ts';
import { PUBLIC_DIRECTORY_RATE_LIMIT } from './directory.routes.ts';
import {
  directoryScenario,
  DIRECTORY_TIMEOUT,
  newExternalOrganisation,
  newService,
  serviceBody,
  SHELTER_ADDRESS,
  shelterBody,
  type DirectoryScenario,
} from './directory.fixtures.ts';

/**
 * The public find-help search: only public services, only public-safe fields (never an address,
 * in any field of any answer), no session read even with a cookie, no cookie set, nothing written.
 */
let t: TestApp;
let s: DirectoryScenario;
let ids: { legal: string; shelter: string; internal: string; kenya: string };

beforeAll(async () => {
  t = await testApp();
  s = await directoryScenario(t.runtime);
  const ext = await newExternalOrganisation(t.app, s.as.platformAdmin);
  ids = {
    legal: await newService(t.app, s.as.admin),
    shelter: await newService(t.app, s.as.admin, shelterBody()),
    internal: await newService(t.app, s.as.admin, serviceBody({ public: false })),
    kenya: await newService(
      t.app,
      s.as.platformAdmin,
      serviceBody({
        organisationId: ext,
        kind: 'reception',
        countries: ['KEN'],
        languages: ['sw-KE', 'en'],
        address: 'Arrivals hall desk 4',
      }),
    ),
  };
}, DIRECTORY_TIMEOUT);

interface Item {
  id: string;
  service: string;
  countries: string[];
  languages: string[];
}

const get = (query: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/public/directory/services?${query}`, headers });

/** Every item of every page of a public search. */
async function everyPage(query: string): Promise<{ items: Item[]; bodies: string[] }> {
  const items: Item[] = [];
  const bodies: string[] = [];
  let cursor: string | null = null;
  do {
    const res: LightMyRequestResponse = await get(
      `${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    bodies.push(res.body);
    const page = res.json() as { items: Item[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, bodies };
}

describe('GET /api/public/directory/services', () => {
  it('lists only public services, with public-safe fields', async () => {
    const { items } = await everyPage('country=THA');
    const found = items.map((i) => i.id);
    expect(found).toEqual(expect.arrayContaining([ids.legal, ids.shelter]));
    expect(found).not.toContain(ids.internal);
    expect(found).not.toContain(ids.kenya);
    const shelter = items.find((i) => i.id === ids.shelter)!;
    expect(Object.keys(shelter).sort()).toEqual(
      [
        'availability',
        'availabilityUpdatedAt',
        'contact',
        'countries',
        'description',
        'eligibility',
        'hours',
        'id',
        'languages',
        'name',
        'organisation',
        'referralMethods',
        'regions',
        'service',
      ].sort(),
    );
    expect(shelter).toMatchObject({
      organisation: { id: s.orgId, verified: false },
      service: 'shelter',
      availability: 'limited',
    });
  });

  it('never answers an address, in any field of any answer', async () => {
    const queries = [
      'country=THA',
      'service=shelter',
      'language=th',
      'country=KE',
      'service=reception',
    ];
    for (const q of queries) {
      const { bodies } = await everyPage(q);
      for (const body of bodies) {
        expect(body).not.toContain(SHELTER_ADDRESS);
        expect(body).not.toContain('Hidden Lane');
        expect(body).not.toContain('Arrivals hall');
        expect(body).not.toMatch(/address|capacity/i);
      }
    }
  });

  it('filters by country (alpha-3 or alpha-2), service and language (primary subtag)', async () => {
    const kenya = await everyPage('country=KE&service=reception&language=sw');
    expect(kenya.items.map((i) => i.id)).toContain(ids.kenya);
    for (const item of kenya.items) {
      expect(item.countries).toContain('KEN');
      expect(item.service).toBe('reception');
      expect(item.languages.some((l) => l.split('-')[0] === 'sw')).toBe(true);
    }
    const burmese = await everyPage('country=tha&language=my');
    expect(burmese.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.legal]));
    const none = await everyPage('country=THA&language=sw');
    expect(none.items.map((i) => i.id)).not.toContain(ids.legal);
  });

  it('pages with a cursor', async () => {
    const first = await get('country=THA&limit=1');
    const page = first.json() as { items: Item[]; nextCursor: string };
    expect(page.items).toHaveLength(1);
    const second = await get(`country=THA&limit=1&cursor=${page.nextCursor}`);
    const next = second.json() as { items: Item[] };
    expect(next.items[0]!.id > page.items[0]!.id).toBe(true);
  });

  it('ignores a session cookie, sets none and writes nothing', async () => {
    const count = async () =>
      (
        await t.runtime.database.query<{ n: number }>('select count(*)::int as n from audit_events')
      )[0]!.n;
    const seen = async () =>
      (
        await t.runtime.database.query<{ at: Date }>('select max(last_seen_at) as at from sessions')
      )[0]!.at;
    const [auditBefore, seenBefore] = [await count(), await seen()];
    const anonymous = await get('country=THA&limit=100');
    const withCookie = await get('country=THA&limit=100', {
      cookie: `hw_session=${s.as.admin.cookie}`,
    });
    expect(withCookie.statusCode).toBe(200);
    expect(withCookie.headers['set-cookie']).toBeUndefined();
    // A signed-in member would see `mine`, the internal entry and capacity: the cookie was not read.
    expect(withCookie.body).toBe(anonymous.body);
    expect(withCookie.body).not.toContain(ids.internal);
    expect(await count()).toBe(auditBefore);
    expect(await seen()).toEqual(seenBefore);
  });

  it('reads empty filters as no filter, as a plain form sends them', async () => {
    const res = await get('country=&service=&language=&cursor=');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: Item[] }).items.length).toBeGreaterThan(0);
  });

  it('refuses bad filters with problem+json', async () => {
    for (const q of [
      'country=ZZ',
      'country=ZZZ',
      'country=1',
      'service=spa',
      'language=%21%21',
      'cursor=nope',
      'limit=1000',
      'extra=1',
    ]) {
      expectProblem(await get(q), 400, 'validation_failed');
    }
  });

  it('limits each client address', async () => {
    const remoteAddress = randomAddress();
    const call = () =>
      t.app.inject({ method: 'GET', url: '/api/public/directory/services?limit=1', remoteAddress });
    for (let i = 0; i < PUBLIC_DIRECTORY_RATE_LIMIT.max; i++) {
      expect((await call()).statusCode).toBe(200);
    }
    const refused = await call();
    expectProblem(refused, 429, 'too_many_attempts');
    expect(refused.headers['retry-after']).toBeDefined();
  });
});

describe('the staff-only address', () => {
  const detail = (who: keyof DirectoryScenario['as'], id: string) =>
    request(t.app, s.as[who], { method: 'GET', url: `/api/directory/services/${id}` });

  it('shows a shelter’s address only to its own organisation, audited', async () => {
    const before = await t.runtime.database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'directory_service.address_read' and entity_id = $1",
      [ids.shelter],
    );
    const own = await detail('caseworker', ids.shelter);
    expect(own.json()).toMatchObject({ address: SHELTER_ADDRESS, hasAddress: true, mine: true });
    const other = await detail('otherOrgAdmin', ids.shelter);
    expect(other.json()).toMatchObject({ address: null, hasAddress: true, mine: false });
    expect(other.body).not.toContain('Hidden Lane');
    const after = await t.runtime.database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'directory_service.address_read' and entity_id = $1",
      [ids.shelter],
    );
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('shows another service’s address to every signed-in member, never in lists', async () => {
    const other = await detail('otherOrgAdmin', ids.kenya);
    expect(other.json()).toMatchObject({ address: 'Arrivals hall desk 4' });
    const list = await request(t.app, s.as.admin, {
      method: 'GET',
      url: `/api/directory/services?organisationId=${s.orgId}&limit=100`,
    });
    expect(list.body).not.toContain('Hidden Lane');
    expect((list.json() as { items: Item[] }).items.map((i) => i.id)).toContain(ids.internal);
  });
});
