import { join, resolve } from 'node:path';
import { parseNetworks } from '../webhooks/address-guard';
import { findRepoRoot } from './repo-root';

export type LogFormat = 'json' | 'pretty';

/** Typed runtime configuration. Built once at start from the environment and validated. */
export interface AppConfig {
  port: number;
  host: string;
  /** Public origin of the dashboard, used to build links (invitations). */
  publicUrl: string;
  /** External PostgreSQL; when absent an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** Optional PostgreSQL read replica the dashboards' aggregates read from (see database/read-replica); unset = one database. */
  databaseReadUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data (`<dataDir>/pg`). */
  dataDir: string;
  embeddedPgPort: number;
  /** Used instead of dataDir when root runs Otklik from a private folder (see pg-data-location). */
  fallbackDataRoot: string;
  /** Create the demo workspace and admin when the database has no users. */
  seedDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  logFormat: LogFormat;
  /** Largest accepted request body, e.g. "1mb". */
  bodyLimit: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  /** Express "trust proxy" setting, so rate limits see the client IP behind a load balancer. */
  trustProxy: boolean | string;
  loginLimitPerIpPerMinute: number;
  loginLimitPerAccountPer15Minutes: number;
  /** Public survey edge (widgets): requests per client IP and per survey per minute. */
  publicLimitPerIpPerMinute: number;
  publicLimitPerSurveyPerMinute: number;
  /** Largest body on the public survey edge, e.g. "64kb". */
  publicBodyLimit: string;
  /** Serve widget writes from the lean ingest edge ahead of Express (see surveys/ingest-edge.ts). */
  ingestEdge: boolean;
  frontendDir: string;
  widgetsDir: string;
  /** Largest signed-webhook ingest body (mentions), e.g. "5mb". */
  ingestBodyLimit: string;
  /** Run background work (webhook deliveries, the sleeping-customers scan) in this process. */
  backgroundJobs: boolean;
  /** Networks webhooks may call besides public addresses (CIDRs), e.g. 127.0.0.0/8 in tests. */
  webhookAllowedNetworks: string[];
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  /** First retry delay; each later one doubles, capped at six hours. */
  webhookRetryBaseMs: number;
  /** How often the dispatcher looks for due deliveries when idle. */
  webhookPollMs: number;
  /** How often new feedback texts are copied, placed in clusters and checked for growth alerts. */
  clusterSyncMs: number;
  /** A rebuild fits each pool's model on at most this many texts (evenly spread) and places the rest (issue 20). */
  clusterSampleSize: number;
  /** How often cases are opened from new feedback and SLA warnings/breaches are checked. */
  caseSyncMs: number;
  /** How often sleeping customers are looked for and announced to webhooks. */
  sleepingScanMs: number;
  /** How often the mention feed poller looks for due RSS/Atom feeds (each feed has its own interval). */
  feedPollMs: number;
  /** Time limit for fetching one feed, redirects included. */
  feedTimeoutMs: number;
  /** SMTP server for account mails (address codes, password resets), e.g. smtps://user:pass@host:465; unset = log them. */
  smtpUrl: string | undefined;
  /** Sender of account mails. */
  mailFrom: string;
  /** Customer messages: attempts at a temporary SMTP failure before a message counts as failed. */
  messageMaxAttempts: number;
  /** Customer messages: first retry delay after a temporary failure; each later one doubles, capped at six hours. */
  messageRetryBaseMs: number;
  /** How often the messaging dispatch looks for due messages when idle (it is also woken when one is queued). */
  messagePollMs: number;
}

export class ConfigError extends Error {}

const LOG_LEVELS: AppConfig['logLevel'][] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates configuration; throws ConfigError naming every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const problems: string[] = [];
  const root = findRepoRoot();

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${env[name]}"`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const databaseReadUrl = env.DATABASE_READ_URL || undefined;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) {
    problems.push('DATABASE_READ_URL must start with postgres:// or postgresql://');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const logFormat = (env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json')) as LogFormat;
  if (logFormat !== 'json' && logFormat !== 'pretty') problems.push('LOG_FORMAT must be json or pretty');
  const bodyLimit = env.BODY_LIMIT ?? '1mb';
  if (!/^\d+(kb|mb)$/i.test(bodyLimit)) problems.push('BODY_LIMIT must look like 512kb or 1mb');
  if (env.INGEST_BODY_LIMIT && !/^\d+(kb|mb)$/i.test(env.INGEST_BODY_LIMIT)) problems.push('INGEST_BODY_LIMIT must look like 5mb');
  if (env.PUBLIC_BODY_LIMIT && !/^\d+(kb|mb)$/i.test(env.PUBLIC_BODY_LIMIT)) problems.push('PUBLIC_BODY_LIMIT must look like 64kb');
  const port = int('PORT', 3000, 0, 65535);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/(?<!\/)\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must start with http:// or https://');
  const webhookNetworks = parseNetworks(env.OTKLIK_WEBHOOK_ALLOWED_NETWORKS);
  if (webhookNetworks.problems.length > 0) {
    problems.push(
      `OTKLIK_WEBHOOK_ALLOWED_NETWORKS must be comma-separated CIDRs like 10.0.0.0/8, got "${webhookNetworks.problems.join('", "')}"`,
    );
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !validSmtpUrl(smtpUrl)) problems.push('SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465');
  const mailFrom = env.MAIL_FROM || `Otklik <no-reply@${hostnameOf(publicUrl)}>`;
  // A line break would let the value add mail headers.
  if (!mailFrom.includes('@') || /[\r\n]/.test(mailFrom))
    problems.push('MAIL_FROM must be an email address, e.g. "Otklik <no-reply@example.com>"');
  const trustProxyRaw = env.TRUST_PROXY;
  const trustProxy = trustProxyRaw === undefined || trustProxyRaw === '' ? 'loopback' : trustProxyRaw === 'true' ? true : trustProxyRaw;

  const config: AppConfig = {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl,
    databaseUrl,
    databaseReadUrl,
    dataDir: resolve(env.OTKLIK_DATA_DIR ?? join(root, '.otklik')),
    fallbackDataRoot: resolve(env.OTKLIK_FALLBACK_DATA_ROOT ?? '/var/lib/otklik'),
    embeddedPgPort: int('OTKLIK_EMBEDDED_PG_PORT', 54329, 1024, 65535),
    seedDemo: bool('OTKLIK_SEED_DEMO', !databaseUrl),
    logLevel,
    logFormat,
    bodyLimit,
    cookieSecure: bool('COOKIE_SECURE', publicUrl.startsWith('https://')),
    sessionTtlHours: int('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    trustProxy,
    loginLimitPerIpPerMinute: int('LOGIN_LIMIT_PER_IP_PER_MINUTE', 30, 1, 100000),
    loginLimitPerAccountPer15Minutes: int('LOGIN_LIMIT_PER_ACCOUNT_PER_15_MINUTES', 10, 1, 100000),
    publicLimitPerIpPerMinute: int('PUBLIC_LIMIT_PER_IP_PER_MINUTE', 300, 1, 10_000_000),
    publicLimitPerSurveyPerMinute: int('PUBLIC_LIMIT_PER_SURVEY_PER_MINUTE', 30_000, 1, 100_000_000),
    publicBodyLimit: env.PUBLIC_BODY_LIMIT ?? '64kb',
    ingestEdge: bool('OTKLIK_INGEST_EDGE', true),
    frontendDir: resolve(env.OTKLIK_FRONTEND_DIR ?? join(root, 'frontend', 'build')),
    widgetsDir: resolve(env.OTKLIK_WIDGETS_DIR ?? join(root, 'survey-widgets', 'dist')),
    ingestBodyLimit: env.INGEST_BODY_LIMIT ?? '5mb',
    backgroundJobs: bool('OTKLIK_BACKGROUND_JOBS', true),
    webhookAllowedNetworks: webhookNetworks.networks,
    webhookTimeoutMs: int('OTKLIK_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    webhookMaxAttempts: int('OTKLIK_WEBHOOK_MAX_ATTEMPTS', 10, 1, 50),
    webhookRetryBaseMs: int('OTKLIK_WEBHOOK_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    webhookPollMs: int('OTKLIK_WEBHOOK_POLL_MS', 1_000, 10, 600_000),
    clusterSyncMs: int('OTKLIK_CLUSTER_SYNC_MS', 15_000, 100, 3_600_000),
    clusterSampleSize: int('OTKLIK_CLUSTER_SAMPLE_SIZE', 20_000, 100, 1_000_000),
    caseSyncMs: int('OTKLIK_CASE_SYNC_MS', 30_000, 100, 3_600_000),
    sleepingScanMs: int('OTKLIK_SLEEPING_SCAN_MS', 3_600_000, 1_000, 86_400_000),
    feedPollMs: int('OTKLIK_FEED_POLL_MS', 30_000, 10, 3_600_000),
    feedTimeoutMs: int('OTKLIK_FEED_TIMEOUT_MS', 15_000, 100, 120_000),
    smtpUrl,
    mailFrom,
    messageMaxAttempts: int('OTKLIK_MESSAGE_MAX_ATTEMPTS', 8, 1, 50),
    messageRetryBaseMs: int('OTKLIK_MESSAGE_RETRY_BASE_MS', 60_000, 10, 3_600_000),
    messagePollMs: int('OTKLIK_MESSAGE_POLL_MS', 5_000, 10, 600_000),
    ...overrides,
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}

function validSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The smaller of two validated body limits such as `64kb` and `1mb`. */
/** "64kb" / "1mb" → bytes. */
export function parseSize(size: string): number {
  const match = /^(\d+)(kb|mb)$/i.exec(size);
  if (!match) throw new Error(`not a size: ${size}`);
  return Number(match[1]) * (match[2].toLowerCase() === 'mb' ? 1024 * 1024 : 1024);
}

export function smallerLimit(a: string, b: string): string {
  const bytes = (limit: string) => Number.parseInt(limit, 10) * (/mb$/i.test(limit) ? 1024 * 1024 : 1024);
  return bytes(a) <= bytes(b) ? a : b;
}
