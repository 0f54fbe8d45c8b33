import assert from 'node:assert/strict';
import { fileNameFromContentDisposition, safeFileName } from '../../src/client';

describe('client: file names from servers', function () {
  describe('fileNameFromContentDisposition', function () {
    const cases: Array<[string | undefined, string | undefined]> = [
      ['attachment; filename="Sales.twbx"', 'Sales.twbx'],
      // Tableau Server's own form: no disposition type.
      ['name="tableau_workbook"; filename="Superstore.twbx"', 'Superstore.twbx'],
      ["attachment; filename*=UTF-8''Caf%C3%A9.twbx", 'Café.twbx'],
      ["attachment; filename=\"Cafe.twbx\"; filename*=UTF-8''Caf%C3%A9.twbx", 'Café.twbx'],
      ["attachment; filename*=UTF-8''%E5%A3%B2%E4%B8%8A.tdsx", '売上.tdsx'],
      // A charset the parser cannot decode must not hide the plain name.
      ["attachment; filename*=KOI8-R''abc.twbx; filename=\"plain.twbx\"", 'plain.twbx'],
      ['attachment; filename="../../x.twbx"', '../../x.twbx'],
      ['inline', undefined],
      ['attachment', undefined],
      ['', undefined],
      [undefined, undefined],
      ['%%% not a header', undefined],
    ];
    for (const [header, expected] of cases) {
      it(`${JSON.stringify(header)} → ${JSON.stringify(expected)}`, function () {
        assert.equal(fileNameFromContentDisposition(header), expected);
      });
    }
  });

  describe('safeFileName', function () {
    const cases: Array<[string | undefined, string]> = [
      ['Sales.twbx', 'Sales.twbx'],
      ['Café.twbx', 'Café.twbx'],
      ['../../x.twbx', 'x.twbx'],
      ['..\\..\\windows\\x.twbx', 'x.twbx'],
      ['/etc/passwd', 'passwd'],
      ['a/b:c?.twbx', 'b_c_.twbx'],
      ['re<port>|"q"*.twb', 're_port___q__.twb'],
      ['tab\tand\u0000null.twb', 'tab_and_null.twb'],
      ['trailing dots... ', 'trailing dots'],
      ['.hidden.twbx', 'hidden.twbx'],
      ['..', 'download'],
      ['', 'download'],
      [undefined, 'download'],
      ['///', 'download'],
      ['CON', '_CON'],
      ['con.twbx', '_con.twbx'],
      ['LPT1.tds', '_LPT1.tds'],
      ['Console.twbx', 'Console.twbx'],
    ];
    for (const [name, expected] of cases) {
      it(`${JSON.stringify(name)} → ${JSON.stringify(expected)}`, function () {
        assert.equal(safeFileName(name), expected);
      });
    }

    it('uses the fallback when nothing usable is left, made safe as well', function () {
      assert.equal(safeFileName('../..', 'Quarterly: Sales?'), 'Quarterly_ Sales_');
    });

    it('shortens names past 255 bytes, keeping the extension', function () {
      const long = `${'é'.repeat(200)}.twbx`;
      const safe = safeFileName(long);
      assert.ok(Buffer.byteLength(safe) <= 255);
      assert.ok(safe.endsWith('.twbx'));
      assert.ok(safe.startsWith('éé'));
    });
  });
});
