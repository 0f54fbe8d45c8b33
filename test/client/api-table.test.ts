// Keeps README's TSC → TypeScript table true: every TypeScript name in it exists in the built dist/client.js, and
// every method, class and attribute of the TSC reference (../shared/tsc-api-reference.md) has a row.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBuilt } from '../support/dist';

const root = resolve(__dirname, '../..');
const referencePath = resolve(root, '../shared/tsc-api-reference.md');

interface Row {
  tsc: string;
  typescript: string;
}

function readTable(): Row[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('| TSC (Python) | TypeScript |');
  assert.ok(start >= 0, 'README has the TSC → TypeScript table');
  const rows: Row[] = [];
  for (const line of readme.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(' | ');
    rows.push({ tsc: cells[0].slice(2), typescript: cells.slice(1).join(' | ').replace(/ \|$/, '') });
  }
  return rows;
}

const codeSpans = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

type Client = Record<string, unknown>;

/** Resolves `server.workbooks.publish(...)`, `new WorkbookItem(...)`, `workbookItem.showTabs`, `RequestOptions.Field.Name`. */
function resolveName(client: Client, expression: string): void {
  const path = expression.replace(/^new /, '').replace(/\(.*$/s, '').split('.');
  const [head, ...rest] = path;
  let current: unknown;
  if (head === 'server') {
    current = new (client.Server as new (address: string) => unknown)('https://tableau.example.com');
  } else if (/^[a-z]/.test(head)) {
    const className = head[0].toUpperCase() + head.slice(1);
    const Class = client[className] as (new (...args: string[]) => unknown) | undefined;
    assert.ok(typeof Class === 'function', `${className} (for ${expression}) is exported`);
    current = new Class('x', 'x', 'x');
  } else {
    assert.ok(head in client, `${head} is exported by dist/client.js`);
    current = client[head];
  }
  for (const name of rest) {
    assert.ok(current !== null && (typeof current === 'object' || typeof current === 'function') && name in current, `${expression}: '${name}' exists`);
    const descriptor = findDescriptor(current, name);
    // Getters of unpopulated values throw by design; their existence is what the table promises.
    current = descriptor?.get ? undefined : (current as Record<string, unknown>)[name];
  }
}

function findDescriptor(target: object, name: string): PropertyDescriptor | undefined {
  for (let object: object | null = target; object; object = Object.getPrototypeOf(object) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(object, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

describe("README's TSC → TypeScript table", function () {
  let client: Client;
  const rows = readTable();

  before(function () {
    this.timeout(60_000);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    client = require(ensureBuilt('client.js')) as Client;
  });

  it('names only things dist/client.js really has', function () {
    let checked = 0;
    for (const row of rows) {
      for (const span of codeSpans(row.typescript)) {
        if (span.startsWith('{')) continue;
        resolveName(client, span);
        checked++;
      }
    }
    assert.ok(checked > 150, `checked ${checked} names`);
  });

  describe('covers the TSC reference', function () {
    let reference = '';
    before(function () {
      if (!existsSync(referencePath)) {
        console.log('      skipped: ../shared/tsc-api-reference.md is absent');
        this.skip();
      }
      reference = readFileSync(referencePath, 'utf8');
    });
    const tscColumn = () => rows.map((row) => row.tsc).join('\n');

    it('has a row for every method', function () {
      const methods = [...reference.matchAll(/^#### ([a-z_]+)\.([a-z_ ]+?) ```/gm)].map((match) => `${match[1]}.${match[2].replace(/ /g, '_')}(`);
      assert.ok(methods.length >= 40, `found ${methods.length} methods in the reference`);
      const missing = methods.filter((method) => !tscColumn().includes(method));
      assert.deepEqual(missing, []);
    });

    it('has a row for every class and every attribute the reference lists', function () {
      const classes = [...reference.matchAll(/^### (\w+) class(.*?)(?=^##)/gms)];
      assert.ok(classes.length >= 10);
      const missing: string[] = [];
      for (const [, name, body] of classes) {
        if (!tscColumn().includes(name)) missing.push(name);
        const attributesAt = body.indexOf('**Attributes**');
        if (attributesAt < 0) continue;
        const table = body.slice(attributesAt, body.indexOf('**', attributesAt + 16) >>> 0);
        const attributeRows = rows.filter((row) => row.tsc.startsWith(`\`${name}\` attributes`) || row.tsc.startsWith(`\`${name}(`));
        for (const [, attribute] of table.matchAll(/`(\w+)`\s*\|/g)) {
          if (!attributeRows.some((row) => row.tsc.includes(`\`${attribute}\``) || row.tsc.includes(`${attribute}=`) || row.tsc.includes(`${attribute},`) || row.tsc.includes(`${attribute})`))) {
            missing.push(`${name}.${attribute}`);
          }
        }
      }
      assert.deepEqual(missing, []);
    });
  });
});
