import { beforeAll, describe, expect, it } from 'vitest';
import { CALLERS, type Caller as AccessCaller } from '@test/support/callers.ts';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import {
  directoryScenario,
  DIRECTORY_TIMEOUT,
  newExternalOrganisation,
  newService,
  postService,
  serviceBody,
  type DirectoryScenario,
} from './directory.fixtures.ts';

/**
 * Who may call each directory route: every member reads; an organisation's admins maintain its
 * own services; platform admins verify organisations and maintain external ones. Another
 * organisation's service is 404 for edits, like an unknown id. Public route: directory-public.
 */
type Caller = AccessCaller | 'anonymous';

let t: TestApp;
let s: DirectoryScenario;

beforeAll(async () => {
  t = await testApp();
  s = await directoryScenario(t.runtime);
}, DIRECTORY_TIMEOUT);

const as = (c: Caller) => (c === 'anonymous' ? null : s.as[c]);
const ours = () => newService(t.app, s.as.admin);
const status = async (c: Caller, method: string, url: string, payload?: unknown) =>
  (await request(t.app, as(c), { method, url, payload })).statusCode;

const READ = {
  anonymous: 401,
  admin: 200,
  supervisor: 200,
  caseworker: 200,
  outreach: 200,
  viewer: 200,
  otherOrgAdmin: 200,
  platformAdmin: 200,
};
const OWN_WRITE = (ok: number) => ({
  ...READ,
  admin: ok,
  supervisor: 403,
  caseworker: 403,
  outreach: 403,
  viewer: 403,
  otherOrgAdmin: 404,
  platformAdmin: 404,
});
const PLATFORM = (ok: number) => ({
  ...READ,
  admin: 403,
  supervisor: 403,
  caseworker: 403,
  outreach: 403,
  viewer: 403,
  otherOrgAdmin: 403,
  platformAdmin: ok,
});

interface Route {
  name: string;
  expected: Record<Caller, number>;
  call: (c: Caller) => Promise<number>;
}

const ROUTES: Route[] = [
  {
    name: 'GET /api/directory/services',
    expected: READ,
    call: (c) => status(c, 'GET', '/api/directory/services'),
  },
  {
    name: 'GET /api/directory/services/:id',
    expected: READ,
    call: async (c) => status(c, 'GET', `/api/directory/services/${await ours()}`),
  },
  {
    name: 'POST /api/directory/services (own organisation)',
    expected: { ...OWN_WRITE(201), otherOrgAdmin: 201, platformAdmin: 403 },
    call: async (c) => (await postService(t.app, as(c), serviceBody())).statusCode,
  },
  {
    name: 'PUT /api/directory/services/:id',
    expected: OWN_WRITE(200),
    call: async (c) =>
      status(c, 'PUT', `/api/directory/services/${await ours()}`, serviceBody({ public: false })),
  },
  {
    name: 'DELETE /api/directory/services/:id',
    expected: OWN_WRITE(204),
    call: async (c) => status(c, 'DELETE', `/api/directory/services/${await ours()}`),
  },
  {
    name: 'GET /api/directory/organisations',
    expected: READ,
    call: (c) => status(c, 'GET', '/api/directory/organisations'),
  },
  {
    name: 'PUT /api/directory/organisations/:id/verification',
    expected: PLATFORM(200),
    call: (c) =>
      status(c, 'PUT', `/api/directory/organisations/${s.orgId}/verification`, {
        verified: true,
      }),
  },
  {
    name: 'POST /api/directory/external-organisations',
    expected: PLATFORM(201),
    call: (c) =>
      status(c, 'POST', '/api/directory/external-organisations', {
        name: `Ext ${Math.random()}`,
        country: 'KEN',
      }),
  },
  {
    name: 'PATCH /api/directory/external-organisations/:id',
    expected: PLATFORM(200),
    call: async (c) =>
      status(
        c,
        'PATCH',
        `/api/directory/external-organisations/${await newExternalOrganisation(t.app, s.as.platformAdmin)}`,
        { website: 'https://reception.example.ke' },
      ),
  },
  {
    name: 'POST /api/directory/services for an external organisation',
    expected: { ...PLATFORM(201), admin: 404, otherOrgAdmin: 404 },
    call: async (c) => {
      const organisationId = await newExternalOrganisation(t.app, s.as.platformAdmin);
      return (await postService(t.app, as(c), serviceBody({ organisationId }))).statusCode;
    },
  },
];

describe('directory routes × callers', () => {
  it.each(ROUTES)(
    '$name',
    async (route) => {
      const got: Partial<Record<Caller, number>> = {};
      for (const c of CALLERS) {
        got[c] = await route.call(c);
      }
      expect(got).toEqual(route.expected);
    },
    DIRECTORY_TIMEOUT,
  );
});

describe('other organisations and platform admins', () => {
  it('answers an edit of another organisation’s service like an unknown id, and writes nothing', async () => {
    const id = await ours();
    const before = await auditCount(t.runtime, s.orgId);
    const put = await request(t.app, s.as.otherOrgAdmin, {
      method: 'PUT',
      url: `/api/directory/services/${id}`,
      payload: serviceBody({ name: 'Taken over' }),
    });
    expectProblem(put, 404, 'directory_service_not_found');
    const unknown = await request(t.app, s.as.admin, {
      method: 'PUT',
      url: '/api/directory/services/0190a6b2-0000-7000-8000-000000000000',
      payload: serviceBody(),
    });
    expectProblem(unknown, 404, 'directory_service_not_found');
    const read = await request(t.app, s.as.admin, {
      method: 'GET',
      url: `/api/directory/services/${id}`,
    });
    expect((read.json() as { name: string }).name).not.toBe('Taken over');
    expect(await auditCount(t.runtime, s.orgId)).toBe(before);
  });

  it('lets a platform admin maintain an external organisation’s services, not a local one’s', async () => {
    const ext = await newExternalOrganisation(t.app, s.as.platformAdmin);
    const id = await newService(t.app, s.as.platformAdmin, serviceBody({ organisationId: ext }));
    const put = await request(t.app, s.as.platformAdmin, {
      method: 'PUT',
      url: `/api/directory/services/${id}`,
      payload: serviceBody({ kind: 'reception', countries: ['KEN'] }),
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      service: 'reception',
      organisation: { id: ext, external: true, verified: false },
    });
    const local = await postService(
      t.app,
      s.as.platformAdmin,
      serviceBody({ organisationId: s.orgId }),
    );
    expectProblem(local, 404, 'directory_organisation_not_found');
    const patchLocal = await request(t.app, s.as.platformAdmin, {
      method: 'PATCH',
      url: `/api/directory/external-organisations/${s.orgId}`,
      payload: { website: 'https://x.example' },
    });
    expectProblem(patchLocal, 404, 'directory_organisation_not_found');
  });

  it('marks an organisation verified and unverified, audited in that organisation', async () => {
    const url = `/api/directory/organisations/${s.otherOrgId}/verification`;
    const before = await auditCount(t.runtime, s.otherOrgId);
    const on = await request(t.app, s.as.platformAdmin, {
      method: 'PUT',
      url,
      payload: { verified: true },
    });
    expect(on.json()).toMatchObject({ id: s.otherOrgId, verified: true, external: false });
    const id = await newService(t.app, s.as.otherOrgAdmin);
    const listed = await request(t.app, s.as.viewer, {
      method: 'GET',
      url: `/api/directory/services/${id}`,
    });
    expect(listed.json()).toMatchObject({ organisation: { verified: true }, mine: false });
    const off = await request(t.app, s.as.platformAdmin, {
      method: 'PUT',
      url,
      payload: { verified: false },
    });
    expect(off.json()).toMatchObject({ verified: false, verifiedAt: null });
    // verify + create + unverify
    expect(await auditCount(t.runtime, s.otherOrgId)).toBe(before + 3);
  });
});
