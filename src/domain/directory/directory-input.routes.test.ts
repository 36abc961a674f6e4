import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import {
  directoryScenario,
  DIRECTORY_TIMEOUT,
  newService,
  postService,
  serviceBody,
  shelterBody,
  type DirectoryScenario,
} from './directory.fixtures.ts';

/** Bad input to the directory's write routes: a clear 4xx problem+json and nothing written. */
let t: TestApp;
let s: DirectoryScenario;

beforeAll(async () => {
  t = await testApp();
  s = await directoryScenario(t.runtime);
}, DIRECTORY_TIMEOUT);

async function serviceCount(): Promise<number> {
  const [row] = await t.runtime.database.query<{ n: number }>(
    'select count(*)::int as n from directory_services where organisation_id = $1',
    [s.orgId],
  );
  return row!.n;
}

const BAD_BODIES: [string, unknown, string][] = [
  ['a missing kind', serviceBody({ kind: undefined }), 'kind'],
  ['an unknown kind', serviceBody({ kind: 'spa' }), 'kind'],
  ['no country', serviceBody({ countries: [] }), 'countries'],
  ['an unassigned country code', serviceBody({ countries: ['THA', 'ZZZ'] }), 'countries.1'],
  ['an alpha-2 country', serviceBody({ countries: ['TH'] }), 'countries.0'],
  ['a malformed language', serviceBody({ languages: ['english!'] }), 'languages.0'],
  ['no referral method', serviceBody({ referralMethods: [] }), 'referralMethods'],
  [
    'ages out of order',
    serviceBody({ eligibility: { minAge: 30, maxAge: 18 } }),
    'eligibility.maxAge',
  ],
  ['a text capacity', serviceBody({ capacity: 'ten' }), 'capacity'],
  ['a negative capacity', serviceBody({ capacity: -1 }), 'capacity'],
  ['an unknown availability', serviceBody({ availability: 'maybe' }), 'availability'],
  [
    'a javascript: web link',
    serviceBody({ contact: { web: 'javascript:alert(1)' } }),
    'contact.web',
  ],
  ['a malformed e-mail', serviceBody({ contact: { email: 'not-mail' } }), 'contact.email'],
  ['an unknown field', serviceBody({ secret: 1 }), 'secret'],
  ['control characters in the name', serviceBody({ name: 'A\u0007B' }), 'name'],
  ['a public flag as text', serviceBody({ public: 'yes' }), 'public'],
];

describe('bad input to POST/PUT /api/directory/services', () => {
  it.each(BAD_BODIES)('refuses %s, naming the field', async (_name, body, path) => {
    const [audits, services] = [await auditCount(t.runtime, s.orgId), await serviceCount()];
    const res = await postService(t.app, s.as.admin, body);
    const problem = expectProblem(res, 400, 'validation_failed');
    // Schema issues are addressed under `body.`, the service's checks by the field alone.
    expect(problem.errors?.map((e) => e.path.replace(/^body\./, ''))).toContain(path);
    expect(await auditCount(t.runtime, s.orgId)).toBe(audits);
    expect(await serviceCount()).toBe(services);
  });

  it('refuses malformed JSON and a body that is not an object', async () => {
    const malformed = await request(t.app, s.as.admin, {
      method: 'POST',
      url: '/api/directory/services',
      payload: '{"kind": "shelter",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expectProblem(await postService(t.app, s.as.admin, [1, 2]), 400, 'validation_failed');
  });

  it('refuses an oversize body with 413', async () => {
    const before = await serviceCount();
    const res = await postService(
      t.app,
      s.as.admin,
      serviceBody({ description: 'x'.repeat(1_100_000) }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await serviceCount()).toBe(before);
  });

  it('refuses a bad replacement and keeps the service as it was', async () => {
    const id = await newService(t.app, s.as.admin, serviceBody({ name: 'Kept as it was' }));
    const res = await request(t.app, s.as.admin, {
      method: 'PUT',
      url: `/api/directory/services/${id}`,
      payload: serviceBody({ name: 'Changed', countries: ['XXX'] }),
    });
    expectProblem(res, 400, 'validation_failed');
    const read = await request(t.app, s.as.admin, {
      method: 'GET',
      url: `/api/directory/services/${id}`,
    });
    expect(read.json()).toMatchObject({ name: 'Kept as it was' });
  });

  it('stores languages canonical and moves the availability time only when it changes', async () => {
    const id = await newService(
      t.app,
      s.as.admin,
      serviceBody({ languages: ['TH', 'sw-ke', 'th'] }),
    );
    const first = await request(t.app, s.as.admin, {
      method: 'GET',
      url: `/api/directory/services/${id}`,
    });
    const created = first.json() as { languages: string[]; availabilityUpdatedAt: string };
    expect(created.languages).toEqual(['th', 'sw-KE']);
    const url = `/api/directory/services/${id}`;
    const same = await request(t.app, s.as.admin, {
      method: 'PUT',
      url,
      payload: serviceBody({ name: 'Renamed' }),
    });
    expect(same.json()).toMatchObject({ availabilityUpdatedAt: created.availabilityUpdatedAt });
    const full = await request(t.app, s.as.admin, {
      method: 'PUT',
      url,
      payload: serviceBody({ availability: 'full' }),
    });
    expect(
      (full.json() as { availabilityUpdatedAt: string }).availabilityUpdatedAt >=
        created.availabilityUpdatedAt,
    ).toBe(true);
    expect(full.json()).toMatchObject({ availability: 'full' });
  });

  it('refuses an unknown or malformed organisation id for verification with 404', async () => {
    for (const id of ['0190a6b2-0000-7000-8000-000000000000', 'not-an-id']) {
      const res = await request(t.app, s.as.platformAdmin, {
        method: 'PUT',
        url: `/api/directory/organisations/${id}/verification`,
        payload: { verified: true },
      });
      expectProblem(res, 404, 'directory_organisation_not_found');
    }
    const bad = await request(t.app, s.as.platformAdmin, {
      method: 'PUT',
      url: `/api/directory/organisations/${s.orgId}/verification`,
      payload: { verified: 'yes' },
    });
    expectProblem(bad, 400, 'validation_failed');
  });

  it('refuses an external organisation with an unknown country or a http installation id', async () => {
    const post = (payload: unknown) =>
      request(t.app, s.as.platformAdmin, {
        method: 'POST',
        url: '/api/directory/external-organisations',
        payload,
      });
    expectProblem(
      await post({ name: 'Nowhere reception', country: 'ZZZ' }),
      400,
      'validation_failed',
    );
    const insecure = await post({
      name: 'Insecure',
      country: 'KEN',
      installationId: 'http://x.example',
    });
    expectProblem(insecure, 400, 'validation_failed');
  });

  it('takes a removed service out of every answer, keeps its row and erases its address', async () => {
    const id = await newService(t.app, s.as.admin, shelterBody());
    const url = `/api/directory/services/${id}`;
    expect((await request(t.app, s.as.admin, { method: 'DELETE', url })).statusCode).toBe(204);
    expectProblem(
      await request(t.app, s.as.admin, { method: 'GET', url }),
      404,
      'directory_service_not_found',
    );
    expectProblem(
      await request(t.app, s.as.admin, { method: 'DELETE', url }),
      404,
      'directory_service_not_found',
    );
    const list = await request(t.app, s.as.admin, {
      method: 'GET',
      url: `/api/directory/services?organisationId=${s.orgId}&limit=100`,
    });
    expect(list.body).not.toContain(id);
    const open = await t.app.inject({
      method: 'GET',
      url: '/api/public/directory/services?service=shelter&limit=100',
    });
    expect(open.body).not.toContain(id);
    const [row] = await t.runtime.database.query<{ removed: boolean; address: string | null }>(
      'select removed_at is not null as removed, address_enc as address from directory_services where id = $1',
      [id],
    );
    expect(row).toEqual({ removed: true, address: null });
  });
});
