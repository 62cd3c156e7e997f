import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { scratchDir } from '../runner/repo-paths.ts';

/** Debian's chromium package, or the browser COURSE_CHROMIUM names (e.g. google-chrome in CI). */
export const chromiumPath = process.env.COURSE_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumMissing = existsSync(chromiumPath)
  ? undefined
  : `no Chromium at ${chromiumPath}: apt-get install -y chromium, or set COURSE_CHROMIUM to a Chromium or Chrome binary`;
/** Screenshots are kept here as test artifacts (git-ignored), never committed. */
export const artifactsDir = join(scratchDir, 'artifacts');

/** A headless Chromium with a fresh profile, closed and removed by `await using`. */
export async function launchChromium(): Promise<{ context: BrowserContext } & AsyncDisposable> {
  await mkdir(artifactsDir, { recursive: true });
  const profile = await mkdtemp(join(scratchDir, 'chromium-profile-'));
  // Playwright sets --user-data-dir itself from the profile folder given here.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
    ],
  });
  return {
    context,
    async [Symbol.asyncDispose]() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
