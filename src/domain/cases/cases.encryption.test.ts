import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import { buildOrganisation, buildSession, buildUser, unique } from '@test/support/factories.ts';
import { registerCase } from './cases.fixtures.ts';

/**
 * What a survivor tells a caseworker stays unreadable to whoever gets a copy of the database: the
 * sensitive fields of a case, journey event notes and outcomes, case notes, consent guardian and
 * best-interest text, task titles and plan actions are stored encrypted, while the API still
 * returns them to the staff allowed to read them. Every value carries its own random
 * token, and every column of every table is searched for it.
 */
let t: TestApp;
let admin: Session;
let adminId: string;
beforeAll(async () => {
  t = await testApp();
  const org = await buildOrganisation(t.runtime);
  const user = await buildUser(t.runtime, org, 'admin');
  adminId = user.id;
  admin = await buildSession(t.runtime, user);
});

/** A realistic sentence carrying a random token, so that a leak is unmistakable. */
const secret = (text: string) => `${text} ${unique()}`;
const tokenOf = (value: string) => value.split(' ').at(-1)!;

/**
 * Where `token` occurs in the database: every row of every table (system schemas aside) cast to
 * text, which covers text, varchar, json(b) and array columns; bytea columns show as hex, so the
 * token's hex is searched too.
 */
async function whereStored(token: string): Promise<string[]> {
  const tables = await t.runtime.database.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  expect(tables.map((x) => x.name)).toEqual(
    expect.arrayContaining(['cases', 'case_events', 'case_notes', 'audit_events']),
  );
  const hex = Buffer.from(token, 'utf8').toString('hex');
  const found: string[] = [];
  for (const { schema, name } of tables) {
    const table = `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
    const [row] = await t.runtime.database.query<{ n: number }>(
      `select count(*)::int as n from ${table} x
       where strpos(lower(x::text), lower($1)) > 0 or strpos(lower(x::text), $2) > 0`,
      [token, hex],
    );
    if (row!.n > 0) {
      found.push(`${schema}.${name}`);
    }
  }
  return found;
}

const send = async (method: string, url: string, payload?: unknown) => {
  const res = await request(t.app, admin, { method, url, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};

describe('cases: encryption at rest', () => {
  it('stores no sensitive value in plain text, and shows them all to an admin', async () => {
    const sensitive = {
      contacts: [
        { kind: 'phone', value: secret('+66 81 234'), note: secret('Aunt in Khon Kaen') },
        { kind: 'trusted_person', value: secret('Pastor Lek, Mae Sot church') },
      ],
      documents: [{ type: 'passport', number: secret('AA'), issuingCountry: 'THA' }],
      currentLocation: secret('Shelter in Chiang Rai, room'),
      narrative: secret('Recruited through a Facebook job advert for a call centre'),
      health: secret('Hepatitis B; untreated injury to the left hand'),
      exploitationDetails: secret('Forced to run online scams in a compound near Myawaddy'),
    };
    const c = await registerCase(t.app, admin, {
      identities: [{ given: 'Ratree', family: 'Encrypted' }],
      ...sensitive,
    });
    const eventNote = secret('Escaped at night with two others across the Moei river');
    const caseNote = secret('Afraid of the broker who still calls her mother');
    await send('POST', `/api/cases/${c.id}/events`, {
      stage: 'exit',
      type: 'escaped',
      occurredOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      note: eventNote,
    });
    await send('POST', `/api/cases/${c.id}/notes`, { body: caseNote, visibility: 'team' });

    expect((await send('GET', `/api/cases/${c.id}`)).sensitive).toEqual(sensitive);
    expect((await send('GET', `/api/cases/${c.id}/events`)).items[0].note).toBe(eventNote);
    expect((await send('GET', `/api/cases/${c.id}/notes`)).items[0].body).toBe(caseNote);

    const values = [
      ...sensitive.contacts.flatMap((x) => [x.value, x.note].filter(Boolean) as string[]),
      sensitive.documents[0]!.number,
      sensitive.currentLocation,
      sensitive.narrative,
      sensitive.health,
      sensitive.exploitationDetails,
      eventNote,
      caseNote,
    ];
    for (const value of values) {
      expect(await whereStored(tokenOf(value)), value).toEqual([]);
    }
    // The scan itself finds what is stored in clear (the name is, for search).
    expect(await whereStored('Ratree')).toContain('public.case_identities');
  });

  it('stores consent guardian and best-interest text, outcomes, task titles and plan actions encrypted', async () => {
    const atRegistration = {
      guardianName: secret('Aunt Somsri Wongsa'),
      bestInterestNote: secret('Panel agreed she stays with her aunt'),
    };
    const c = await registerCase(t.app, admin, {
      identities: [{ given: 'Nok', family: 'Consent' }],
      consent: { decision: 'given', method: 'written', ...atRegistration },
    });
    const recorded = {
      guardianName: secret('Uncle Prasert'),
      bestInterestNote: secret('Social worker report on phone contact'),
    };
    const consent = await send('POST', `/api/cases/${c.id}/consents`, {
      purpose: 'phone_contact',
      dataCategories: ['contacts'],
      method: 'verbal',
      decision: 'given',
      ...recorded,
    });
    expect(consent).toMatchObject(recorded);
    // A withdrawal is a new version: its copy of the text is encrypted for the new row.
    const withdrawn = await send('POST', `/api/cases/${c.id}/consents/${consent.id}/withdraw`);
    expect(withdrawn).toMatchObject({ version: 2, ...recorded });
    const consents = await send('GET', `/api/cases/${c.id}/consents`);
    expect(consents.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ version: 1, purpose: 'case_management', ...atRegistration }),
        expect.objectContaining({ version: 1, purpose: 'phone_contact', ...recorded }),
        expect.objectContaining({ version: 2, purpose: 'phone_contact', ...recorded }),
      ]),
    );

    const outcome = secret('Recognised as a victim by the NRM panel');
    await send('POST', `/api/cases/${c.id}/events`, {
      stage: 'identification',
      type: 'nrm_decision',
      occurredOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      outcome,
    });
    expect((await send('GET', `/api/cases/${c.id}/events`)).items[0].outcome).toBe(outcome);

    const firstTitle = secret('Ask the embassy about the passport held by');
    const title = secret('Call back about the debt to');
    const task = await send('POST', `/api/cases/${c.id}/tasks`, {
      title: firstTitle,
      assigneeId: adminId,
    });
    expect(task.title).toBe(firstTitle);
    await send('PATCH', `/api/cases/${c.id}/tasks/${task.id}`, { title });
    expect((await send('GET', `/api/cases/${c.id}/tasks`)).items[0].title).toBe(title);
    const mine = await send('GET', '/api/tasks?assignee=me&limit=100');
    expect(mine.items.find((x: { id: string }) => x.id === task.id)?.title).toBe(title);

    const firstAction = secret('Refer to a debt counsellor in');
    const action = secret('Apply for the livelihood grant with');
    const item = await send('POST', `/api/cases/${c.id}/plan-items`, {
      domain: 'safety',
      action: firstAction,
    });
    expect(item.action).toBe(firstAction);
    await send('PATCH', `/api/cases/${c.id}/plan-items/${item.id}`, { action });
    expect((await send('GET', `/api/cases/${c.id}/assessment`)).plan[0].action).toBe(action);

    const values = [
      ...Object.values(atRegistration),
      ...Object.values(recorded),
      outcome,
      firstTitle,
      title,
      firstAction,
      action,
    ];
    for (const value of values) {
      expect(await whereStored(tokenOf(value)), value).toEqual([]);
    }
  });

  it('encrypts edits too, and keeps nothing of the replaced value', async () => {
    const before = secret('Staying with her cousin in Mae Sai');
    const c = await registerCase(t.app, admin, {
      identities: [{ given: 'Malee', family: 'Edited' }],
      currentLocation: before,
      narrative: secret('First account'),
    });
    const after = {
      currentLocation: secret('Moved to a shelter in Bangkok'),
      health: secret('TB'),
    };
    const edited = await send('PATCH', `/api/cases/${c.id}`, { version: 1, ...after });
    expect(edited.sensitive).toMatchObject(after);
    for (const value of [before, after.currentLocation, after.health]) {
      expect(await whereStored(tokenOf(value)), value).toEqual([]);
    }
  });

  it('does not reveal a value moved to another case in the database', async () => {
    const narrative = secret('Sold to a fishing boat captain in Ranong');
    const source = await registerCase(t.app, admin, {
      identities: [{ given: 'Source' }],
      narrative,
    });
    const target = await registerCase(t.app, admin, { identities: [{ given: 'Target' }] });
    // Someone with write access to the database copies the ciphertext onto a case they can open.
    await t.runtime.database.query(
      `update cases set narrative_enc = (select narrative_enc from cases where id = $1)
       where id = $2`,
      [source.id, target.id],
    );
    const res = await request(t.app, admin, { method: 'GET', url: `/api/cases/${target.id}` });
    expect(res.statusCode).not.toBe(200);
    expect(res.body).not.toContain(tokenOf(narrative));
  });

  it('does not reveal a task title copied onto another task', async () => {
    const c = await registerCase(t.app, admin, { identities: [{ given: 'Copied' }] });
    const title = secret('Meet the lawyer about the recruiter');
    const source = await send('POST', `/api/cases/${c.id}/tasks`, { title });
    const target = await send('POST', `/api/cases/${c.id}/tasks`, { title: 'Harmless' });
    await t.runtime.database.query(
      `update case_tasks set title_enc = (select title_enc from case_tasks where id = $1)
       where id = $2`,
      [source.id, target.id],
    );
    const res = await request(t.app, admin, { method: 'GET', url: `/api/cases/${c.id}/tasks` });
    expect(res.statusCode).not.toBe(200);
    expect(res.body).not.toContain(tokenOf(title));
  });
});
