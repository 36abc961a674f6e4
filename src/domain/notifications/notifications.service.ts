import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '@/lib/config.ts';
import { newId } from '@/lib/ids.ts';
import {
  NOTIFICATION_TEXTS,
  NotificationSchema,
  type Notification,
} from './notifications.schema.ts';

/** Sends notifications; `kind` says where they go. */
export interface Notifier {
  kind: 'smtp' | 'file';
  /**
   * Sends one notification: the subject's fixed sentence and the link, nothing else.
   *
   * @throws ZodError for an invalid address, subject or link; the transport's error otherwise.
   */
  sendNotification(notification: Notification): Promise<void>;
  close(): void;
}

export type NotifierConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'mailDir'> & {
  /** The web app's origin the link is made absolute with (e.g. https://homeward.example.org). */
  origin: string;
};

/**
 * The notifier the configuration asks for: SMTP when `smtpUrl` is set, otherwise one `.eml` file
 * per notification in `mailDir` (development and tests; no network).
 */
export function createNotifier(config: NotifierConfig): Notifier {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return notifier('smtp', transport, config, async () => {});
  }
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return notifier('file', transport, config, async (message) => {
    await mkdir(config.mailDir, { recursive: true, mode: 0o700 });
    await writeFile(join(config.mailDir, `${newId()}.eml`), message, { mode: 0o600 });
  });
}

function notifier(
  kind: Notifier['kind'],
  transport: Transporter,
  config: NotifierConfig,
  keep: (message: Buffer) => Promise<void>,
): Notifier {
  return {
    kind,
    async sendNotification(input) {
      const { to, subject, link } = NotificationSchema.parse(input);
      const text = NOTIFICATION_TEXTS[subject];
      const url = new URL(link, config.origin).toString();
      const info = (await transport.sendMail({
        from: config.mailFrom,
        to,
        subject: text.subject,
        text: `${text.sentence}\n\n${url}\n`,
      })) as { message?: unknown };
      if (Buffer.isBuffer(info.message)) {
        await keep(info.message);
      }
    },
    close: () => transport.close(),
  };
}
