import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTION_OPTIONS, auditActionName, objectTypeName, shortId } from './labels.ts';

describe('the audit log in words', () => {
  it('names actions and objects in Chinese and shortens ids', () => {
    assert.equal(auditActionName('auth.login'), '登录');
    assert.ok(ACTION_OPTIONS.some((o) => o.value === 'auth.login' && o.label.startsWith('登录')));
    assert.equal(objectTypeName('user'), '用户');
    assert.equal(shortId('3f2a1b4c-0000-4000-8000-00000000c9d1'), '3f2a1b4c…c9d1');
    assert.equal(shortId('systems'), 'systems');
  });
});
