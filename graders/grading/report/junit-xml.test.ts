import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { renderJUnitXml } from './junit-xml.ts';
import { sampleResults } from './sample-results.ts';

const xsd = readFileSync(new URL('../../schemas/vendor/junit-10.xsd', import.meta.url), 'utf8');
const validate = (xml: string) =>
  validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: xsd }] });

describe('renderJUnitXml', () => {
  it('writes XML that the Jenkins JUnit schema accepts', async () => {
    const result = await validate(renderJUnitXml(sampleResults()));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is checked by a schema that rejects a malformed report, so the check above means something', async () => {
    const broken = renderJUnitXml(sampleResults()).replace(/<testcase classname=/, '<testcase kind="x" classname=');
    expect((await validate(broken)).valid).toBe(false);
  });

  it('has one suite per exercise with failures, errors and skips counted', () => {
    const xml = renderJUnitXml(sampleResults());
    expect(xml).toContain('<testsuite name="katas/02-outbox" tests="4" failures="1" errors="0" skipped="1"');
    expect(xml).toContain('<testsuite name="katas/03-consumer" tests="2" failures="0" errors="1" skipped="0"');
    expect(xml).toMatch(/<error message="timed out: did not finish within 8 s" type="run-error">/);
  });

  it('escapes markup and drops control characters a terminal left in messages', () => {
    const xml = renderJUnitXml(sampleResults());
    expect(xml).toContain('name="OrderPlaced › carries &lt;integer&gt; cents &amp; &quot;no&quot; floats"');
    expect(xml).not.toContain('\u001b');
  });

  it('records points and the service providers as suite properties', () => {
    const xml = renderJUnitXml(sampleResults());
    expect(xml).toContain('<property name="points" value="5"/>');
    expect(xml).toContain('<property name="provider.postgres" value="embedded"/>');
  });
});
