import assert from 'node:assert/strict';
import { buildRequest, el } from '../../src/client/xml/build';
import { attr, child, parseXml, text, XmlParseError } from '../../src/client/xml/parse';

describe('client: XML in and out', function () {
  it('reads attributes and text with entities and character references decoded', function () {
    const root = child(parseXml(`<tsResponse xmlns="http://tableau.com/api"><project name="R&amp;D &lt;core&gt; &quot;q&quot; &apos;s&apos; &#233;&#x6771;"/><detail>a &amp;amp; b</detail></tsResponse>`), 'tsResponse');
    assert.equal(attr(child(root, 'project'), 'name'), `R&D <core> "q" 's' é東`);
    assert.equal(text(child(root, 'detail')), 'a &amp; b');
  });

  it('ignores elements and attributes it does not model, with or without a namespace prefix', function () {
    const root = child(parseXml(`<ts:tsResponse xmlns:ts="http://tableau.com/api"><ts:site id="1" futureAttribute="x"><ts:newThing/></ts:site></ts:tsResponse>`), 'tsResponse');
    assert.equal(attr(child(root, 'site'), 'id'), '1');
  });

  it('refuses a document that declares a DOCTYPE', function () {
    assert.throws(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><tsResponse>&a;</tsResponse>'), XmlParseError);
  });

  it('escapes every attribute value it sends and drops characters XML cannot carry', function () {
    const body = buildRequest(el('credentials', { name: `a"b<c>&'d\u0001`, password: 'p', skipped: undefined }, el('site', { contentUrl: '' })));
    assert.equal(body, `<tsRequest><credentials name="a&quot;b&lt;c&gt;&amp;&apos;d" password="p"><site contentUrl=""/></credentials></tsRequest>`);
    const back = child(child(parseXml(body), 'tsRequest'), 'credentials');
    assert.equal(attr(back, 'name'), `a"b<c>&'d`);
  });

  it('writes true and false attributes as values', function () {
    assert.equal(buildRequest(el('site', { disableSubscriptions: true, revisionHistoryEnabled: false })), '<tsRequest><site disableSubscriptions="true" revisionHistoryEnabled="false"/></tsRequest>');
  });
});
