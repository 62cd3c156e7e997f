import { describe, expect, it } from 'vitest';
import { fleetPlan } from '../src/ota.ts';
import { planStages } from '../src/stages.ts';
import { fleetOf } from './support/fleet.ts';

const stages = fleetPlan('r', '1', '2').stages;

describe('the stage plan', () => {
  it('plans 10, 90, 400 and 500 devices of a fleet of 1,000: 1%, 10%, 50%, 100% reached', () => {
    const fleet = fleetOf(1_000);
    const plan = planStages(fleet, stages);
    expect(plan.map((ids) => ids.length)).toEqual([10, 90, 400, 500]);
    // Every device in exactly one stage.
    expect(plan.flat().sort()).toEqual([...fleet].sort());
  });

  it('rounds a share up to whole devices: a fleet of 7 gets a canary of 1 and reaches 4 at 50%', () => {
    const plan = planStages(fleetOf(7), stages);
    expect(plan.map((ids) => ids.length)).toEqual([1, 0, 3, 3]);
  });

  it('refuses a plan whose last stage does not reach the whole fleet, saying so', () => {
    expect(() => planStages(fleetOf(10), [{ name: 'canary', percent: 1 }, { name: 'half', percent: 50 }])).toThrow(/100%/);
  });
});
