import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config.ts';
import type { Notification } from './notifications.schema.ts';
import { createNotifier, type Notifier } from './notifications.service.ts';

/** Notifications through the file transport (no network): what a recipient would receive. */
let dir: string;
let notifier: Notifier;
const referral = '/referrals/01936b2e-1d2f-7cc3-9a5e-0d1c2b3a4f5e';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'homeward-mail-'));
  notifier = createNotifier({
    smtpUrl: undefined,
    mailFrom: 'Homeward <homeward@example.org>',
    mailDir: dir,
    origin: 'https://homeward.example.org',
  });
});

afterEach(async () => {
  notifier.close();
  await rm(dir, { recursive: true, force: true });
});

const messages = async () => {
  const files = await readdir(dir);
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
};

describe('notifications', () => {
  it('writes one message: the fixed subject and sentence, and the absolute link', async () => {
    await notifier.sendNotification({
      to: 'staff@ngo.example',
      subject: 'referral_update',
      link: referral,
    });
    const [message, ...rest] = await messages();
    expect(rest).toEqual([]);
    expect(message).toContain('To: staff@ngo.example');
    expect(message).toContain('From: Homeward <homeward@example.org>');
    expect(message).toContain('Subject: Homeward: a referral was updated');
    const body = message!.split('\n\n').slice(1).join('\n\n').replace(/=\n/g, '');
    expect(body.trim()).toBe(
      'A referral for your organisation was updated. Sign in to Homeward to see it:\n\n' +
        `https://homeward.example.org${referral}`,
    );
  });

  it.each([
    ['a query string', { link: '/cases?name=Ratree' }],
    ['a name in the path', { link: '/cases/Ratree Somchai' }],
    ['another site', { link: '//evil-example/x' }],
    ['a full URL', { link: 'https://evil.example/x' }],
    ['a free-text subject', { subject: 'Ratree was moved to the shelter' }],
    ['a body', { body: 'Ratree was moved to the shelter' }],
    ['a bad address', { to: 'not an address' }],
  ])('refuses %s and sends nothing', async (_, change) => {
    const bad = { to: 'staff@ngo.example', subject: 'test', link: '/', ...change };
    await expect(notifier.sendNotification(bad as Notification)).rejects.toThrow();
    expect(await messages()).toEqual([]);
  });

  it('has no free-text field in its type', () => {
    const withBody: Notification = {
      to: 'staff@ngo.example',
      subject: 'test',
      link: '/',
      // @ts-expect-error a notification has no body: only the fixed sentence and the link.
      body: 'survivor data',
    };
    expect(withBody.subject).toBe('test');
  });

  it('uses SMTP when HOMEWARD_SMTP_URL is set, files under the data folder otherwise', () => {
    const files = loadConfig({ HOMEWARD_DATA_DIR: '/srv/homeward' });
    expect(files.smtpUrl).toBeUndefined();
    expect(files.mailDir).toBe('/srv/homeward/mail');
    const smtp = loadConfig({ HOMEWARD_SMTP_URL: 'smtps://u:p@mail.example.org:465' });
    const viaSmtp = createNotifier({ ...smtp, origin: 'https://homeward.example.org' });
    expect(viaSmtp.kind).toBe('smtp');
    viaSmtp.close();
    expect(notifier.kind).toBe('file');
    expect(() => loadConfig({ HOMEWARD_SMTP_URL: 'http://mail.example.org' })).toThrow(
      /HOMEWARD_SMTP_URL/,
    );
  });
});
