/**
 * Security configuration is validated at start-up (SECURITY.md 2, 3, 4, 18, 23): values outside
 * what 等保 allows stop the start with one Chinese and English line.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.ts';

const base = { TONGCHOU_DEMO: 'false', DATABASE_URL: 'postgres://app@db/tongchou' };

function refused(env: Record<string, string>, variable: string) {
  assert.throws(
    () => loadConfig({ ...base, ...env }, '/srv/tongchou'),
    (err: unknown) =>
      err instanceof ConfigError &&
      err.variable === variable &&
      /配置错误.*Invalid configuration/.test(err.message),
    `${JSON.stringify(env)} should be refused`,
  );
}

describe('security configuration', () => {
  test('the defaults follow 等保: 90-day passwords, 5 failures / 15 min, second factor on, 90-day inactivity, 180-day retention', () => {
    const c = loadConfig(base, '/srv/tongchou');
    assert.deepEqual(
      {
        passwordMaxAgeDays: c.passwordMaxAgeDays,
        lockoutMaxFailures: c.lockoutMaxFailures,
        lockoutWindowMinutes: c.lockoutWindowMinutes,
        lockoutMinutes: c.lockoutMinutes,
        mfaRequired: c.mfaRequired,
        inactiveAccountDays: c.inactiveAccountDays,
        auditRetentionDays: c.auditRetentionDays,
        sessionIdleMinutes: c.sessionIdleMinutes,
        auditExportMaxRows: c.auditExportMaxRows,
        migrateOnStart: c.migrateOnStart,
      },
      {
        passwordMaxAgeDays: 90,
        lockoutMaxFailures: 5,
        lockoutWindowMinutes: 15,
        lockoutMinutes: 15,
        mfaRequired: true,
        inactiveAccountDays: 90,
        auditRetentionDays: 180,
        sessionIdleMinutes: 30,
        auditExportMaxRows: 10_000,
        migrateOnStart: true,
      },
    );
  });

  test('a password age above 90 days, more than 5 failures or a retention under 180 days is refused', () => {
    refused({ PASSWORD_MAX_AGE_DAYS: '91' }, 'PASSWORD_MAX_AGE_DAYS');
    refused({ PASSWORD_MAX_AGE_DAYS: '0' }, 'PASSWORD_MAX_AGE_DAYS');
    refused({ LOCKOUT_MAX_FAILURES: '6' }, 'LOCKOUT_MAX_FAILURES');
    refused({ LOCKOUT_MINUTES: '1' }, 'LOCKOUT_MINUTES');
    refused({ AUDIT_RETENTION_DAYS: '179' }, 'AUDIT_RETENTION_DAYS');
    refused({ INACTIVE_ACCOUNT_DAYS: '400' }, 'INACTIVE_ACCOUNT_DAYS');
    const ok = loadConfig(
      { ...base, PASSWORD_MAX_AGE_DAYS: '60', AUDIT_RETENTION_DAYS: '365' },
      '/srv/tongchou',
    );
    assert.equal(ok.passwordMaxAgeDays, 60);
    assert.equal(ok.auditRetentionDays, 365);
  });

  test('the second factor can be switched off only in demo mode', () => {
    refused({ MFA_REQUIRED: 'false' }, 'MFA_REQUIRED');
    assert.equal(loadConfig({ TONGCHOU_DEMO: 'true', MFA_REQUIRED: 'false' }, '/srv').mfaRequired, false);
    assert.equal(
      loadConfig({ TONGCHOU_DEMO: 'true' }, '/srv').mfaRequired,
      false,
      'demo default: one-step login',
    );
    assert.equal(loadConfig({ TONGCHOU_DEMO: 'true', MFA_REQUIRED: 'true' }, '/srv').mfaRequired, true);
  });
});
