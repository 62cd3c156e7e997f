import { describe, expect, it } from 'vitest';
import { instanceFindings } from '#graders/testkit/events/instance-findings.ts';
import { schemaFindings } from '#graders/testkit/events/schema-findings.ts';
import { compileEntry, type Entry, exampleOf, fileNameOf, listed, loadCatalogue, loadServices, modes } from './support/catalogue.ts';

const { entries, problems } = loadCatalogue();
const services = loadServices();
/** The envelope's rule for source, so a producer is named the way its events name it. */
const serviceName = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/;

/** Findings of the course's check (npm run events -- check) whose rule starts with one of the prefixes. */
const findings = (entry: Entry, keep: (rule: string) => boolean) =>
  schemaFindings(entry.schema).filter((finding) => keep(finding.rule)).map((f) => `${entry.file}: ${f.event}: ${f.rule}: ${f.problem}. Fix: ${f.fix}.`);
const expectNoFindings = (rule: string, keep: (rule: string) => boolean) => {
  const lines = entries.flatMap((entry) => findings(entry, keep));
  expect(lines, listed(rule, lines)).toEqual([]);
};

describe('your event catalogue', () => {
  it('reads every file of src/events and src/services.json', () => {
    const all = [...problems, ...services.problems];
    expect(all, listed('These files cannot be read as a catalogue', all)).toEqual([]);
  });

  it('holds at least twenty distinct events, each in a file named after it', () => {
    const names = entries.map((entry) => entry.name);
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    expect(twice, listed('Each event has one entry; these have more', twice)).toEqual([]);
    const misnamed = entries.filter((entry) => entry.file !== `src/events/${fileNameOf(entry.name)}`).map((e) => `${e.file} describes ${e.name}: name it src/events/${fileNameOf(e.name)}`);
    expect(misnamed, listed('One file per event, named after it', misnamed)).toEqual([]);
    expect(new Set(names).size, `the module's output is a catalogue of at least 20 events; yours has ${names.length}: ${names.join(', ')}`).toBeGreaterThanOrEqual(20);
  });

  it('names every event as a specific fact in the past tense', () => {
    expectNoFindings('Names that state no specific fact', (rule) => rule.startsWith('name/'));
  });

  it('wraps every event in the course envelope and names its subject by a stable id', () => {
    expectNoFindings('Envelopes and ids', (rule) => rule.startsWith('envelope/') || rule.startsWith('payload/'));
  });

  it('keeps secrets and unjustified personal data out of every payload', () => {
    expectNoFindings('Secrets and personal data in payloads', (rule) => rule.startsWith('privacy/'));
  });

  it('passes every other rule of npm run events -- check', () => {
    expectNoFindings('Other findings', (rule) => !/^(name|envelope|payload|privacy|mode)\//.test(rule));
  });

  it('publishes every event in one mode: notification, state-transfer or sourcing', () => {
    const undeclared = entries.filter((entry) => entry.mode === undefined).map((e) => `${e.file}: declare "x-mode"`);
    const wrong = [...undeclared, ...entries.flatMap((entry) => findings(entry, (rule) => rule === 'mode/declared'))];
    expect(wrong, listed(`Set "x-mode" to one of ${modes.join(', ')}`, wrong)).toEqual([]);
  });

  it('names a producer and at least one consumer for every event, each a service of src/services.json', () => {
    const known = services.services;
    const badNames = [...known.keys()].filter((name) => !serviceName.test(name)).map((name) => `src/services.json: "${name}" is not a service name (lower case words joined by - or .)`);
    const lines = [...badNames, ...entries.flatMap((entry) => {
      const out: string[] = [];
      const { producer, consumers } = entry;
      if (typeof producer !== 'string' || !known.has(producer)) out.push(`${entry.file}: "x-producer": ${JSON.stringify(producer)} is not a service of src/services.json`);
      if (!Array.isArray(consumers) || consumers.length === 0) out.push(`${entry.file}: "x-consumers" must list at least one service that reads ${entry.name}`);
      for (const consumer of Array.isArray(consumers) ? consumers : []) {
        if (typeof consumer !== 'string' || !known.has(consumer)) out.push(`${entry.file}: consumer ${JSON.stringify(consumer)} is not a service of src/services.json`);
        else if (consumer === producer && entry.mode !== 'sourcing') out.push(`${entry.file}: ${consumer} consumes its own ${entry.name}: a service reads its own events only when they are its record (sourcing)`);
      }
      return out;
    })];
    expect(lines, listed('Producers and consumers', lines)).toEqual([]);
  });

  it('carries only stable ids in a notification', () => {
    expectNoFindings('Notifications say that something happened and to what; consumers ask the owner for the rest', (rule) => rule === 'mode/notification');
  });

  it('carries the state its consumers need in a state transfer', () => {
    expectNoFindings('A state transfer carries the state, so consumers never query the producer', (rule) => rule === 'mode/state-transfer');
  });

  it('records the change itself in a sourcing event, which its producer reads back', () => {
    expectNoFindings('A sourcing event is the producer\'s system of record', (rule) => rule === 'mode/sourcing');
  });

  it('gives every event an example that its own schema accepts and that passes the recorded-event check', () => {
    const lines = entries.flatMap((entry) => {
      const { validate, problem } = compileEntry(entry);
      if (!validate) return [problem!];
      const example = exampleOf(entry);
      if (!example) return [`${entry.file}: add "examples": [<one whole ${entry.name} event, envelope and data>]`];
      const out: string[] = [];
      if (!validate(example)) out.push(`${entry.file}: its schema refuses its own example: ${validate.errors?.map((e) => `${e.instancePath || '(the event)'} ${e.message}`).join('; ')}`);
      if (example.type !== entry.name) out.push(`${entry.file}: the example's type is ${JSON.stringify(example.type)}, not ${entry.name}`);
      if (example.source !== entry.producer) out.push(`${entry.file}: the example's source is ${JSON.stringify(example.source)}; the producer is ${JSON.stringify(entry.producer)}`);
      // Personal data is judged on the schema, where a property may say why a consumer needs it.
      out.push(...instanceFindings(example).filter((f) => !f.rule.startsWith('privacy/')).map((f) => `${entry.file}: example: ${f.rule}: ${f.problem}. Fix: ${f.fix}`));
      return out;
    });
    expect(lines, listed('Examples', lines)).toEqual([]);
  });

  it('leaves every payload open to fields added later', () => {
    const closed = entries.filter((entry) => {
      const example = exampleOf(entry);
      const { validate } = compileEntry(entry);
      // An entry without a usable example is named by the example test.
      if (!validate || typeof example?.data !== 'object' || !validate(example)) return false;
      return !validate({ ...example, data: { ...example.data, giftWrapped: true } });
    }).map((entry) => `${entry.file}: ${entry.name} refuses its example once data gains a field (giftWrapped): consumers validating with it would break on the next compatible version`);
    expect(closed, listed('Tolerant readers', closed)).toEqual([]);
  });
});
