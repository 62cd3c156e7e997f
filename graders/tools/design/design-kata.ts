import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import expectedSchema from '../../schemas/design-expected.schema.json' with { type: 'json' };
import { checkDesignText, type DesignCheck } from '../../testkit/design/design-findings.ts';

/** Input the command cannot work on (no such file or kata, unreadable): exit 2. */
export class DesignInputError extends Error {}

export interface Expected {
  nfrs: string[];
  expected: { kinds: string[]; says: string }[];
  /** A sentence, or (the newer form) the sentence with the core's tests that stage it. */
  mistakes: (string | { says: string; foundBy?: string[] })[];
}

export interface DesignTarget {
  /** design.yaml as the learner names it (relative to where they typed the command). */
  shown: string;
  file: string;
  /** The kata's folder under exercises/design/, when the design belongs to one. */
  kata?: { slug: string; folder: string; expected?: Expected };
}

const validateExpected = new Ajv2020({ allErrors: true, strict: false }).compile(expectedSchema);

export function readExpected(courseRoot: string, slug: string): Expected | undefined {
  const file = join(courseRoot, 'solutions', 'design', slug, 'expected.yaml');
  if (!existsSync(file)) return undefined;
  const value: unknown = parse(readFileSync(file, 'utf8'));
  if (!validateExpected(value)) throw new DesignInputError(`solutions/design/${slug}/expected.yaml does not match graders/schemas/design-expected.schema.json: ${validateExpected.errors?.map((e) => `${e.instancePath || '(top)'} ${e.message}`).join('; ')}. Fix the kata's expected.yaml.`);
  return value as unknown as Expected;
}

const katasIn = (courseRoot: string) => {
  const folder = join(courseRoot, 'exercises', 'design');
  return existsSync(folder) ? readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
};

/**
 * What `check` and `compare` were given: a path to a design.yaml (or to the folder holding
 * one), or a kata by its folder name with or without the number (`01-security-event-pipeline`,
 * `security-event-pipeline`, `design/01-security-event-pipeline`).
 */
export function resolveTarget(given: string, courseRoot: string, typedFrom: string): DesignTarget {
  const asPath = resolve(typedFrom, given);
  const katas = katasIn(courseRoot);
  const kataOf = (folder: string) => {
    const slug = basename(folder);
    return relative(join(courseRoot, 'exercises', 'design'), folder) === slug ? { slug, folder, expected: readExpected(courseRoot, slug) } : undefined;
  };
  if (existsSync(asPath)) {
    const file = statSync(asPath).isDirectory() ? join(asPath, 'design.yaml') : asPath;
    if (!existsSync(file)) throw new DesignInputError(`${relative(typedFrom, file)} does not exist: a design kata's attempt is the design.yaml in its folder.`);
    return { shown: relative(typedFrom, file) || file, file, kata: kataOf(dirname(file)) };
  }
  const name = given.replace(/^(exercises\/)?design\//, '').replace(/\/$/, '');
  const slug = katas.find((k) => k === name || k.replace(/^\d+-/, '') === name);
  if (slug === undefined) {
    const known = katas.length > 0 ? `the design katas are ${katas.join(', ')}` : 'this course has no design kata yet';
    throw new DesignInputError(`"${given}" is neither a file nor a design kata: ${known}. Give a kata's name or the path to a design.yaml.`);
  }
  const folder = join(courseRoot, 'exercises', 'design', slug);
  const file = join(folder, 'design.yaml');
  if (!existsSync(file)) throw new DesignInputError(`exercises/design/${slug}/design.yaml is missing: restore the starter with git checkout -- exercises/design/${slug}/design.yaml.`);
  return { shown: relative(typedFrom, file) || file, file, kata: kataOf(folder) };
}

export function checkTarget(target: DesignTarget): DesignCheck {
  let text: string;
  try {
    text = readFileSync(target.file, 'utf8');
  } catch (error) {
    throw new DesignInputError(`${target.shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  return checkDesignText(text, target.shown, target.kata?.expected?.nfrs);
}
