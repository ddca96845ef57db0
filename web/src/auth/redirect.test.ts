import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loginPath, safeRedirect } from './redirect.ts';

describe('safeRedirect', () => {
  it('keeps paths inside the app, with their query and hash', () => {
    assert.equal(safeRedirect('/audit'), '/audit');
    assert.equal(safeRedirect('/audit?actor=张三#top'), '/audit?actor=张三#top');
  });

  it('falls back for missing values', () => {
    assert.equal(safeRedirect(null), '/');
    assert.equal(safeRedirect(undefined), '/');
    assert.equal(safeRedirect(''), '/');
  });

  it('refuses anything that could leave the origin', () => {
    for (const raw of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      'audit',
      '/\t/evil.example',
      '/\n/evil.example',
    ]) {
      assert.equal(safeRedirect(raw), '/', JSON.stringify(raw));
    }
  });

  it('does not loop back to the login page', () => {
    assert.equal(safeRedirect('/login'), '/');
    assert.equal(safeRedirect('/login?redirect=/audit'), '/');
  });

  it('refuses absurdly long values', () => {
    assert.equal(safeRedirect(`/${'a'.repeat(5000)}`), '/');
  });
});

describe('loginPath', () => {
  it('adds the page to return to, except the workbench', () => {
    assert.equal(loginPath('/audit?actor=a'), '/login?redirect=%2Faudit%3Factor%3Da');
    assert.equal(loginPath('/'), '/login');
    assert.equal(loginPath('//evil.example'), '/login');
  });
});
