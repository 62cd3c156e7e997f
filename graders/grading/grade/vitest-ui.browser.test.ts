import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, chromiumMissing, launchChromium } from '../report/headless-chromium.ts';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { freeLoopbackPort } from '../../services/free-port.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';

const uiScript = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.ui!;

describe('npm run ui', () => {
  it('serves the Vitest UI on all interfaces at port 51204 without opening a browser, so a Codespace can forward it', () => {
    expect(uiScript.split(' ')).toEqual(expect.arrayContaining(['--ui', '--open=false', '--api.host=0.0.0.0', '--api.port=51204']));
  });
});

describe.skipIf(chromiumMissing)(`the Vitest UI in headless Chromium${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  it('shows the test tree of an exercise', async () => {
    // The UI flags of `npm run ui`, on a small exercise copy and a free port, so the check
    // neither needs the services nor collides with a UI the developer has open.
    const root = await mkdtemp(join(scratchDir, 'ui-'));
    await cp(new URL('./fixtures/hostile/healthy/', import.meta.url), root, { recursive: true });
    const port = await freeLoopbackPort();
    const flags = uiScript.split(' ').filter((arg) => arg.startsWith('--ui') || arg.startsWith('--open') || arg === '--api.host=0.0.0.0');
    // --watch: without a terminal Vitest would run once and exit, taking the UI with it.
    const vitest = spawn(
      process.execPath,
      [join(repoRoot, 'node_modules/vitest/vitest.mjs'), '--watch', ...flags, `--api.port=${port}`, '--config', join(repoRoot, 'graders/testkit/vitest/variant-run.config.ts'), '--root', root],
      { cwd: root, env: { ...process.env, COURSE_NEEDS: '', [sharedAddressesVariable]: '{}', NO_COLOR: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      // The UI asks for the token it prints with its address: wait for that line.
      const address = await new Promise<string>((resolve, reject) => {
        let output = '';
        vitest.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const url = output.match(/UI started at (http:\/\/\S+)/)?.[1];
          if (url) resolve(url.replace('localhost', '127.0.0.1'));
        });
        vitest.once('exit', (code) => reject(new Error(`vitest --ui exited (${code}) before serving:\n${output}`)));
      });
      await using chromium = await launchChromium();
      const page = await chromium.context.newPage();
      await page.goto(address);
      await page.getByText('adds negatives').first().waitFor({ timeout: 30_000 });
      expect(await page.getByText('add.test.ts').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(artifactsDir, 'vitest-ui.png'), fullPage: true });
    } finally {
      if (vitest.exitCode === null) process.kill(-vitest.pid!, 'SIGKILL');
      await rm(root, { recursive: true, force: true });
    }
  }, 90_000);
});
