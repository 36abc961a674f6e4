import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

/**
 * Which peers may tell Homeward the client's address and scheme (`X-Forwarded-For`,
 * `X-Forwarded-Proto`, `X-Forwarded-Host`): `false` (nobody; the socket's peer is the client), a
 * number of proxy hops in front of Homeward, or the addresses / CIDR ranges of the proxies.
 */
export type TrustProxy = false | number | string[];

/** Settings read from the environment; see README "Configuration". */
export interface Config {
  /** Folder of the embedded database, the generated key and attachments. */
  dataDir: string;
  /** A PostgreSQL connection string; when set, the embedded database is not used. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  /** Base64 master key (32 bytes), or a file holding it; see src/lib/crypto.ts. */
  masterKey: string | undefined;
  keyFile: string | undefined;
  /** HOMEWARD_TRUST_PROXY: the reverse proxies whose X-Forwarded-* headers are believed. */
  trustProxy: TrustProxy;
  /** Public origin (https://homeward.example.org) used for CSRF origin checks behind a proxy. */
  publicOrigin: string | undefined;
  /**
   * HOMEWARD_PUBLIC_API_DOCS: serve /api/docs and /api/openapi.json to anonymous callers.
   * `undefined` when not set: off, except for the demo (`homeward start`).
   */
  publicApiDocs: boolean | undefined;
  logLevel: string;
  /** Encrypted attachment files (HOMEWARD_ATTACHMENTS_DIR; default <dataDir>/attachments). */
  attachmentsDir: string;
  /** HOMEWARD_SMTP_URL (smtp:// or smtps://): notifications by SMTP; unset, they are files. */
  smtpUrl: string | undefined;
  /** HOMEWARD_MAIL_FROM: the sender of notifications. */
  mailFrom: string;
  /** Where notifications are written when there is no SMTP (HOMEWARD_MAIL_DIR; <dataDir>/mail). */
  mailDir: string;
}

/** Reads the configuration from `env` (default `process.env`); throws on an invalid setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.HOMEWARD_DATA_DIR ?? './.homeward');
  return {
    dataDir,
    databaseUrl: nonEmpty(env.DATABASE_URL),
    host: env.HOST ?? '127.0.0.1',
    port: Number.parseInt(env.PORT ?? '3000', 10),
    masterKey: nonEmpty(env.HOMEWARD_MASTER_KEY),
    keyFile: nonEmpty(env.HOMEWARD_KEY_FILE),
    trustProxy: parseTrustProxy(env.HOMEWARD_TRUST_PROXY),
    publicOrigin: nonEmpty(env.HOMEWARD_PUBLIC_ORIGIN),
    publicApiDocs: parseFlag('HOMEWARD_PUBLIC_API_DOCS', env.HOMEWARD_PUBLIC_API_DOCS),
    logLevel: env.LOG_LEVEL ?? 'info',
    attachmentsDir: resolve(nonEmpty(env.HOMEWARD_ATTACHMENTS_DIR) ?? join(dataDir, 'attachments')),
    smtpUrl: parseSmtpUrl(nonEmpty(env.HOMEWARD_SMTP_URL)),
    mailFrom: nonEmpty(env.HOMEWARD_MAIL_FROM) ?? 'Homeward <homeward@localhost>',
    mailDir: resolve(nonEmpty(env.HOMEWARD_MAIL_DIR) ?? join(dataDir, 'mail')),
  };
}

/**
 * Checks HOMEWARD_SMTP_URL names an SMTP server (smtp://user:pass@host:587 or smtps://…:465).
 *
 * @throws Error naming the variable (never echoing it: it may hold a password).
 */
export function parseSmtpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  if (!URL.canParse(raw) || !['smtp:', 'smtps:'].includes(new URL(raw).protocol)) {
    throw new Error('HOMEWARD_SMTP_URL must look like smtp://user:password@host:587 or smtps://…');
  }
  return raw;
}

/**
 * Whether /api/docs and /api/openapi.json are served to anonymous callers: as
 * HOMEWARD_PUBLIC_API_DOCS says, and when it is not set, only for the demo (`homeward start`
 * serving the seeded demo data).
 */
export function apiDocsArePublic(config: Pick<Config, 'publicApiDocs'>, demo: boolean): boolean {
  return config.publicApiDocs ?? demo;
}

/** More proxies than this in front of one server is a typo, not a deployment. */
const MAX_HOPS = 10;
/** Names @fastify/proxy-addr knows: 127.0.0.1/8 + ::1, 169.254.0.0/16 + fe80::/10, private. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Parses HOMEWARD_TRUST_PROXY. Unset, empty, `false` or `0`: no proxy is trusted. A number:
 * that many hops. Otherwise a comma-separated list of addresses and CIDR ranges. `true` (which
 * used to trust every hop, so that any client could choose its own address) is refused.
 *
 * @throws Error naming the variable and the accepted forms.
 * @example parseTrustProxy('127.0.0.1, 10.0.0.0/8') // ['127.0.0.1', '10.0.0.0/8']
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'false' || value === '0') {
    return false;
  }
  if (value === 'true') {
    throw new Error(
      'HOMEWARD_TRUST_PROXY=true is no longer accepted: it trusts every hop, so any client could ' +
        'choose its own address with X-Forwarded-For. Give the number of proxies in front of ' +
        'Homeward (HOMEWARD_TRUST_PROXY=1 for one nginx or Caddy) or their addresses ' +
        '(HOMEWARD_TRUST_PROXY=127.0.0.1 or 10.0.0.0/8).',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) {
      throw new Error(`HOMEWARD_TRUST_PROXY=${value}: at most ${MAX_HOPS} proxy hops.`);
    }
    return hops;
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.find((e) => !isAddressOrRange(e));
  if (bad !== undefined || entries.length === 0) {
    throw new Error(
      `HOMEWARD_TRUST_PROXY: "${bad ?? value}" is not a number of hops, an IP address or a CIDR ` +
        'range. Use e.g. 1, or 127.0.0.1, or 127.0.0.1,10.0.0.0/8.',
    );
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) {
    return true;
  }
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) {
    return false;
  }
  if (prefix === undefined) {
    return true;
  }
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `true`/`1`, `false`/`0`, or unset/empty (undefined); anything else is refused. */
function parseFlag(name: string, raw: string | undefined): boolean | undefined {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') {
    return undefined;
  }
  if (value === 'true' || value === '1') {
    return true;
  }
  if (value === 'false' || value === '0') {
    return false;
  }
  throw new Error(`${name}: "${raw}" is neither true nor false.`);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
