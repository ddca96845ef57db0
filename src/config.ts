/**
 * Configuration from environment variables, validated at boot. A bad value stops the start with
 * one line in Chinese and English (ConfigError); nothing else reads process.env.
 */
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  /**
   * Embedded PGlite flushes every commit to disk (fsync; default true, EMBEDDED_FSYNC=false trades
   * durability against power loss for speed: docs/decisions/0005-embedded-durability.md).
   */
  embeddedFsync: boolean;
  /** Embedded PGlite data folder (only used without DATABASE_URL). */
  dataDir: string;
  databaseUrl?: string;
  /** Key file with SM4/HMAC/SM2 keys; must lie outside dataDir. TONGCHOU_KEYS (env) wins over it. */
  keyFile: string;
  keysFromEnv?: string;
  logLevel: LogLevel;
  /** Seed the four demo jurisdictions and demo users on first start, list them on the login page. */
  demo: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Set the Secure flag on cookies and send HSTS (behind TLS termination). */
  secureCookies: boolean;
  trustProxy: boolean;
  dbPoolSize: number;
  /** Login attempts per source address per minute (SECURITY.md 29). */
  loginRateLimitPerMinute: number;
  /** Maximum password age in days (等保 8.1.4.1a 定期更换; at most 90): an older password must change. */
  passwordMaxAgeDays: number;
  /** Lockout (SECURITY.md 3): this many failures (password or second factor, at most 5) … */
  lockoutMaxFailures: number;
  /** … within this many minutes … */
  lockoutWindowMinutes: number;
  /** … lock the account for this many minutes. */
  lockoutMinutes: number;
  /**
   * Second factor (TOTP) required for every account (SECURITY.md 4; 等保 8.1.4.1d). May be false
   * only in demo mode; a user who enrolled a second factor always needs it.
   */
  mfaRequired: boolean;
  /** Second-factor attempts per user (or source address) per minute (SECURITY.md 5, 29). */
  mfaRateLimitPerMinute: number;
  /** Public questionnaire answers per source address per minute (SECURITY.md 29; issue 14). */
  questionnaireRateLimitPerMinute: number;
  /** Accounts without a login for this many days are disabled (SECURITY.md 18). */
  inactiveAccountDays: number;
  /** Audit rows are kept at least this many days (SECURITY.md 23; at least 180). */
  auditRetentionDays: number;
  /** Where scripts/audit-archive.ts writes signed archives of audit rows past retention. */
  auditArchiveDir: string;
  /** Most rows one audit export may hold (SECURITY.md 35: bulk export capped). */
  auditExportMaxRows: number;
  /**
   * Apply pending migrations at start (default). False when the server connects as the restricted
   * application role of scripts/pg-roles.sql; migrations then run with `npm run db:migrate` as owner.
   */
  migrateOnStart: boolean;
  /** Seconds between obligation sweeps in the server process (0: no sweep in this process). */
  sweepIntervalSeconds: number;
  /** Working days before a due date when the "due soon" reminder goes out. */
  reminderWorkingDays: number;
  /** Outbound notification channels (issue 12); absent: in-app only. */
  smtp?: SmtpConfig;
  webhook?: WebhookConfig;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS (`smtps://`). */
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
  to: string[];
}

export interface WebhookConfig {
  url: string;
  kind: 'dingtalk' | 'wecom' | 'generic';
}

export type NotifyChannelsConfig = Pick<Config, 'smtp' | 'webhook'>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`配置错误：${variable} ${zh} / Invalid configuration: ${variable} ${en}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(
      name,
      `必须是 ${min}–${max} 之间的整数（当前值 "${raw}"）`,
      `must be an integer between ${min} and ${max} (got "${raw}")`,
    );
  }
  return Number(raw);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(
    name,
    `必须是 true 或 false（当前值 "${raw}"）`,
    `must be true or false (got "${raw}")`,
  );
}

const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** SMTP_URL (smtp:// or smtps://, optional user:password), SMTP_FROM, NOTIFY_EMAIL_TO (comma list). */
function smtpConfig(env: Env): SmtpConfig | undefined {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL', '不是有效的地址', 'is not a valid URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(
      'SMTP_URL',
      '必须以 smtp:// 或 smtps:// 开头',
      'must start with smtp:// or smtps://',
    );
  }
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  if (user !== undefined && !secure && !LOOPBACK.has(host)) {
    throw new ConfigError(
      'SMTP_URL',
      '带口令的 SMTP 须使用 smtps://（仅本机中继可用明文）',
      'with credentials must use smtps:// (plain only to a loopback relay)',
    );
  }
  const from = env.SMTP_FROM?.trim() ?? '';
  if (!EMAIL.test(from)) {
    throw new ConfigError(
      'SMTP_FROM',
      '配置 SMTP_URL 时必须是有效的邮箱地址',
      'must be an e-mail address when SMTP_URL is set',
    );
  }
  const to = (env.NOTIFY_EMAIL_TO ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
  if (to.length === 0 || !to.every((x) => EMAIL.test(x))) {
    throw new ConfigError(
      'NOTIFY_EMAIL_TO',
      '配置 SMTP_URL 时必须是逗号分隔的有效邮箱地址',
      'must be a comma-separated list of e-mail addresses when SMTP_URL is set',
    );
  }
  return {
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    ...(user !== undefined ? { user, pass: decodeURIComponent(url.password) } : {}),
    from,
    to,
  };
}

/** NOTIFY_WEBHOOK_URL (https, or http to a loopback address) and NOTIFY_WEBHOOK_KIND. */
function webhookConfig(env: Env): WebhookConfig | undefined {
  const raw = env.NOTIFY_WEBHOOK_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('NOTIFY_WEBHOOK_URL', '不是有效的地址', 'is not a valid URL');
  }
  const loopback = LOOPBACK.has(url.hostname.replace(/^\[|\]$/g, ''));
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new ConfigError(
      'NOTIFY_WEBHOOK_URL',
      '必须是 https:// 地址（仅本机地址可用 http://）',
      'must be an https:// URL (http:// only to a loopback address)',
    );
  }
  const kind = (env.NOTIFY_WEBHOOK_KIND?.trim() || 'dingtalk') as WebhookConfig['kind'];
  if (!['dingtalk', 'wecom', 'generic'].includes(kind)) {
    throw new ConfigError(
      'NOTIFY_WEBHOOK_KIND',
      `必须是 dingtalk/wecom/generic 之一（当前值 "${kind}"）`,
      `must be one of dingtalk, wecom, generic (got "${kind}")`,
    );
  }
  return { url: url.toString(), kind };
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = integer(env, 'PORT', 3000, 1, 65535);
  const host = (env.HOST ?? '127.0.0.1').trim();
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) {
    throw new ConfigError(
      'HOST',
      `不是有效的地址（当前值 "${host}"）`,
      `is not a valid address (got "${host}")`,
    );
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL',
      '必须以 postgres:// 或 postgresql:// 开头',
      'must start with postgres:// or postgresql://',
    );
  }
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || './data');
  const keyFile = path.resolve(cwd, env.TONGCHOU_KEY_FILE?.trim() || './.keys/tongchou-keys.json');
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `必须是 ${LOG_LEVELS.join('/')} 之一（当前值 "${logLevel}"）`,
      `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`,
    );
  }
  const demo = flag(env, 'TONGCHOU_DEMO', !databaseUrl);
  const mfaRequired = flag(env, 'MFA_REQUIRED', !demo);
  if (!mfaRequired && !demo) {
    throw new ConfigError(
      'MFA_REQUIRED',
      '只能在演示模式（TONGCHOU_DEMO=true）下关闭双因素认证',
      'may be false only in demo mode (TONGCHOU_DEMO=true)',
    );
  }
  const smtp = smtpConfig(env);
  const webhook = webhookConfig(env);
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    keyFile,
    keysFromEnv: env.TONGCHOU_KEYS?.trim() || undefined,
    logLevel,
    demo,
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 7),
    secureCookies: flag(env, 'COOKIE_SECURE', false),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    loginRateLimitPerMinute: integer(env, 'LOGIN_RATE_LIMIT', 20, 1, 100_000),
    passwordMaxAgeDays: integer(env, 'PASSWORD_MAX_AGE_DAYS', 90, 1, 90),
    lockoutMaxFailures: integer(env, 'LOCKOUT_MAX_FAILURES', 5, 1, 5),
    lockoutWindowMinutes: integer(env, 'LOCKOUT_WINDOW_MINUTES', 15, 1, 24 * 60),
    lockoutMinutes: integer(env, 'LOCKOUT_MINUTES', 15, 5, 24 * 60),
    mfaRequired,
    mfaRateLimitPerMinute: integer(env, 'MFA_RATE_LIMIT', 10, 1, 1000),
    questionnaireRateLimitPerMinute: integer(env, 'QUESTIONNAIRE_RATE_LIMIT', 10, 1, 100_000),
    inactiveAccountDays: integer(env, 'INACTIVE_ACCOUNT_DAYS', 90, 1, 365),
    auditRetentionDays: integer(env, 'AUDIT_RETENTION_DAYS', 180, 180, 36_500),
    auditArchiveDir: path.resolve(cwd, env.AUDIT_ARCHIVE_DIR?.trim() || './audit-archive'),
    auditExportMaxRows: integer(env, 'AUDIT_EXPORT_MAX_ROWS', 10_000, 1, 100_000),
    migrateOnStart: flag(env, 'DB_MIGRATE_ON_START', true),
    embeddedFsync: flag(env, 'EMBEDDED_FSYNC', true),
    sweepIntervalSeconds: integer(env, 'SWEEP_INTERVAL_SECONDS', 300, 0, 86_400),
    reminderWorkingDays: integer(env, 'REMINDER_WORKING_DAYS', 3, 1, 30),
    ...(smtp ? { smtp } : {}),
    ...(webhook ? { webhook } : {}),
  };
}
