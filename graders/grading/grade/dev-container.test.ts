import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../runner/repo-paths.ts';

const schema = JSON.parse(readFileSync(new URL('../../schemas/vendor/devContainer.base.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2019({ allErrors: true, strict: false }).compile(schema);
const config = JSON.parse(readFileSync(join(repoRoot, '.devcontainer.json'), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('.devcontainer.json', () => {
  it('matches the dev container JSON Schema', () => {
    expect(validate(config), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('is checked by a schema that rejects a wrong type, so the check above means something', () => {
    expect(validate({ ...config, forwardPorts: 'all' })).toBe(false);
  });

  it('runs Node 24 with docker-in-docker pinned to a major, so Testcontainers works', () => {
    expect(config.image).toMatch(/javascript-node:\d+-24-/);
    expect(Object.keys(config.features)).toEqual(['ghcr.io/devcontainers/features/docker-in-docker:2']);
  });

  it('installs from the lockfile after it is created and forwards the Vitest UI port', () => {
    expect(config.postCreateCommand).toMatch(/^npm ci\b/);
    expect(packageJson.scripts.ui).toContain(`--api.port=${config.forwardPorts[0]}`);
  });

  it('brings the Vitest and markdownlint extensions and fits a 2-core Codespace', () => {
    expect(config.customizations.vscode.extensions).toEqual(['vitest.explorer', 'DavidAnson.vscode-markdownlint']);
    expect(config.hostRequirements.cpus).toBe(2);
  });
});
