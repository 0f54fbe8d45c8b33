import assert from 'node:assert/strict';
import { COMPARISON_OPERATORS, type QueryFields } from '../../src/sandbox/query/fields';
import { runListQuery } from '../../src/sandbox/query/list-query';
import { RawQuery } from '../../src/sandbox/query/raw-query';
import { ApiError } from '../../src/sandbox/http/api-error';

/**
 * The generic query module as later resources will use it: a resource declares its fields, the module does the
 * rest. Exercised here with a made-up resource that has the field kinds projects lack (numbers, tags).
 */
interface Book {
  title: string;
  pages: number;
  tags: string[];
  published: string;
}

const FIELDS: QueryFields<Book> = {
  title: { type: 'string', filter: ['eq', 'in', 'has'], sortable: true, get: (b) => b.title },
  pages: { type: 'number', filter: COMPARISON_OPERATORS, sortable: true, get: (b) => b.pages },
  tags: { type: 'string', filter: ['eq', 'in', 'has'], sortable: false, get: (b) => b.tags },
  published: { type: 'date', filter: COMPARISON_OPERATORS, sortable: true, get: (b) => b.published },
};

const BOOKS: Book[] = [
  { title: 'Dune', pages: 412, tags: ['sci-fi', 'classic'], published: '1965-08-01T00:00:00Z' },
  { title: 'Emma', pages: 474, tags: ['classic', 'romance'], published: '1815-12-23T00:00:00Z' },
  { title: 'Neuromancer', pages: 271, tags: ['sci-fi', 'cyberpunk'], published: '1984-07-01T00:00:00Z' },
  { title: 'Data: A Love Story', pages: 240, tags: [], published: '2013-01-31T00:00:00Z' },
];

function titles(rawQuery: string): string[] {
  return runListQuery(BOOKS, new RawQuery(rawQuery), FIELDS, 'Books').items.map((b) => b.title);
}

function codeOf(rawQuery: string): string | undefined {
  try {
    titles(rawQuery);
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.code : 'not an ApiError';
  }
}

describe('sandbox query module (generic filter/sort/paging)', () => {
  it('compares numbers numerically, not as text', () => {
    assert.deepEqual(titles('filter=pages:gt:300&sort=pages:asc'), ['Dune', 'Emma']);
    assert.deepEqual(titles('filter=pages:lte:271&sort=pages:desc'), ['Neuromancer', 'Data: A Love Story']);
    assert.equal(codeOf('filter=pages:gt:many'), '400065');
  });

  it('has: substring for text fields, membership for multi-valued fields', () => {
    assert.deepEqual(titles('filter=title:has:LOVE'), ['Data: A Love Story']);
    assert.deepEqual(titles('filter=tags:has:classic'), ['Dune', 'Emma']);
    assert.deepEqual(titles('filter=tags:in:[romance,cyberpunk]'), ['Emma', 'Neuromancer']);
    assert.deepEqual(titles('filter=tags:eq:sci-fi'), ['Dune', 'Neuromancer']);
  });

  it('keeps literal colons in values after the operator (timestamps) and decoded colons anywhere', () => {
    assert.deepEqual(titles('filter=published:lt:1900-01-01T00:00:00Z'), ['Emma']);
    assert.deepEqual(titles('filter=title:eq:Data%3A%20A%20Love%20Story'), ['Data: A Love Story']);
    assert.deepEqual(titles('filter=title:eq:Data: A Love Story'), ['Data: A Love Story']);
  });

  it('refuses sorting on a field declared unsortable', () => {
    assert.equal(codeOf('sort=tags:asc'), '400066');
  });

  it('validates paging before filtering', () => {
    assert.equal(codeOf('pageSize=5000&filter=nope:eq:1'), '403014');
  });
});
