import { expect } from 'vitest';

/**
 * A convention such as `<domain>.<entity>.<event>.v<version>` as a regular expression:
 * `<version>` matches digits (captured as `version`), any other placeholder matches one
 * lower-case word that may contain dashes or underscores, everything else is literal.
 */
export function topicPattern(convention: unknown): RegExp {
  expect(typeof convention === 'string' && /<[a-z]+>/.test(convention) && convention.replace(/<version>/g, '').match(/<[a-z]+>/),
    `topic.convention must be a pattern with placeholders, e.g. <domain>.<entity>.<event>.v<version>; got ${JSON.stringify(convention)}`)
    .toBeTruthy();
  let versions = 0;
  const source = (convention as string)
    .split(/(<[a-z]+>)/)
    .map((part) => {
      if (part === '<version>') return versions++ === 0 ? '(?<version>[0-9]+)' : '\\k<version>';
      if (/^<[a-z]+>$/.test(part)) return '[a-z][a-z0-9_-]*';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}
