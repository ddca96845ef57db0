import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readListParams, sortOrderOf, sortParam, toServerQuery, writeListParams } from './query.ts';

describe('list filters in the URL', () => {
  it('reads filters and paging, per prefix, and falls back to page 1 on nonsense', () => {
    const s = new URLSearchParams('q=证照&page=3&pageSize=50&done.q=审核&done.page=x');
    assert.deepEqual(readListParams(s), { filters: { q: '证照' }, page: 3, pageSize: 50 });
    assert.deepEqual(readListParams(s, 'done'), { filters: { q: '审核' }, page: 1, pageSize: 20 });
    assert.deepEqual(readListParams(new URLSearchParams('pageSize=7')).pageSize, 20);
  });

  it('a new filter goes back to page 1 and keeps the other lists’ keys', () => {
    const s = new URLSearchParams('page=3&done.q=审核&done.page=2');
    const next = writeListParams(s, 'done', { filters: { q: '立项', state: undefined } });
    assert.equal(next.toString(), new URLSearchParams('page=3&done.q=立项').toString());
    assert.equal(writeListParams(next, '', { page: 1 }).get('page'), null);
  });

  it('turns the page into limit and offset', () => {
    assert.deepEqual(toServerQuery({ filters: { q: 'a' }, page: 3, pageSize: 20 }), {
      q: 'a',
      limit: 20,
      offset: 40,
    });
  });

  it('sorts through the server: `sort` in the URL is the column and its direction', () => {
    assert.equal(sortOrderOf('username', 'username'), 'ascend');
    assert.equal(sortOrderOf('-username', 'username'), 'descend');
    assert.equal(sortOrderOf('-name', 'username'), null);
    assert.equal(sortOrderOf(undefined, 'username'), null);
    assert.equal(sortParam('name', 'ascend'), 'name');
    assert.equal(sortParam('name', 'descend'), '-name');
    assert.equal(sortParam('name', null), undefined);
    const s = writeListParams(new URLSearchParams('q=a&page=3'), '', { filters: { sort: '-name' } });
    assert.deepEqual(toServerQuery(readListParams(s)), { q: 'a', sort: '-name', limit: 20, offset: 0 });
  });
});
