import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { assertProperty, courseSeed, replayVariable, seedVariable } from './property.ts';
import { renderTimeline } from './timeline.ts';

afterEach(() => {
  delete process.env[replayVariable];
});

/** A deliberately wrong "dedup": it forgets events once more than two distinct ones arrived. */
const failing = fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 12 }), (deliveries) => {
  const applied = new Map<number, number>();
  const seen: number[] = [];
  for (const id of deliveries) {
    if (!seen.includes(id)) applied.set(id, (applied.get(id) ?? 0) + 1);
    seen.push(id);
    if (new Set(seen).size > 2) seen.length = 0;
  }
  const twice = [...applied].find(([, count]) => count > 1);
  if (twice) {
    throw new Error(
      renderTimeline({
        problem: `event e${twice[0]} applied ${twice[1]} times`,
        expected: 'every event applied once',
        found: `e${twice[0]} applied ${twice[1]} times`,
        steps: deliveries.map((id, index) => ({ at: index, actor: 'broker', text: `delivers e${id}` })),
      }),
    );
  }
});

describe('assertProperty', () => {
  it('passes quietly when the property holds', async () => {
    await expect(assertProperty(fc.property(fc.integer(), (n) => n + 0 === n))).resolves.toBeUndefined();
  });

  it('fails with the shrunk case as a timeline and says how to replay it', async () => {
    const failure = await assertProperty(failing, { seed: 42 }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toMatch(/^event e\d applied 2 times\n {2}expected: every event applied once/);
    expect(message).toMatch(/What happened \(the smallest case found\):\n +1\. t=0 {2}broker {2}delivers e\d/);
    expect(message).toMatch(new RegExp(`Replay exactly this case: ${replayVariable}=42:[\\d:]+ `));
  });

  it('replays exactly the reported case from the environment', async () => {
    const first = ((await assertProperty(failing, { seed: 7 }).catch((e: Error) => e)) as Error).message;
    process.env[replayVariable] = /COURSE_REPLAY=(\S+)/.exec(first)![1]!;
    const replayed = ((await assertProperty(failing).catch((e: Error) => e)) as Error).message;
    expect(replayed.split('\n\nProperty')[0]).toBe(first.split('\n\nProperty')[0]);
  });

  it('says what to do with a malformed replay value', async () => {
    process.env[replayVariable] = 'yesterday';
    await expect(assertProperty(failing)).rejects.toThrow(/is not <seed>:<path>; copy it from a failure message/);
  });

  it('takes one seed for every property from COURSE_SEED, so a run can be replayed', async () => {
    expect(courseSeed({ [seedVariable]: ' 1234 ' })).toBe(1234);
    expect(courseSeed({})).toBeUndefined();
    expect(() => courseSeed({ [seedVariable]: 'tuesday' })).toThrow(/COURSE_SEED=tuesday is not a 32-bit whole number/);
    const before = fc.readConfigureGlobal();
    fc.configureGlobal({ ...before, seed: courseSeed({ [seedVariable]: '99' })! });
    try {
      const failure = (await assertProperty(failing).catch((error: Error) => error)) as Error;
      expect(failure.message).toMatch(new RegExp(`${replayVariable}=99:`));
    } finally {
      fc.configureGlobal(before);
    }
  });
});
