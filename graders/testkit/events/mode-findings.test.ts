import { describe, expect, it } from 'vitest';
import { modeFindings } from './mode-findings.ts';

const entry = (mode: unknown, data: Record<string, unknown>, required: string[], extra: Record<string, unknown> = {}) => ({
  'x-mode': mode, ...extra, properties: { data: { type: 'object', required, properties: data } },
});
const rules = (schema: Record<string, unknown>) => modeFindings(schema, 'E').map((f) => `${f.rule} ${f.problem}`);
const id = { type: 'string' };

describe('an event schema that declares its mode', () => {
  it('is not judged when it declares none', () => {
    expect(modeFindings({ properties: { data: { properties: { total: {} } } } }, 'E')).toEqual([]);
  });

  it('refuses a mode that is none of the three', () => {
    expect(rules(entry('fat', { orderId: id }, ['orderId']))).toEqual(['mode/declared "x-mode": "fat" is not a mode']);
  });

  it('holds a notification to ids only', () => {
    expect(rules(entry('notification', { orderId: id, productIds: { type: 'array' } }, ['orderId']))).toEqual([]);
    expect(rules(entry('notification', { orderId: id, reason: id }, ['orderId']))).toEqual(['mode/notification a notification that carries state (data.reason)']);
  });

  it('holds a state transfer to required state', () => {
    expect(rules(entry('state-transfer', { orderId: id, totalCents: id }, ['orderId', 'totalCents']))).toEqual([]);
    expect(rules(entry('state-transfer', { orderId: id, totalCents: id }, ['orderId']))).toEqual([
      'mode/state-transfer a state transfer that requires no field beyond ids: consumers would have to call back',
    ]);
  });

  it('holds a sourcing event to the change, read back by its producer', () => {
    const credited = { loyaltyAccountId: id, points: id };
    expect(rules(entry('sourcing', credited, ['loyaltyAccountId', 'points'], { 'x-producer': 'loyalty', 'x-consumers': ['loyalty'] }))).toEqual([]);
    expect(rules(entry('sourcing', credited, ['loyaltyAccountId', 'points'], { 'x-producer': 'loyalty', 'x-consumers': ['analytics'] }))).toEqual([
      'mode/sourcing its producer "loyalty" is not among its consumers',
    ]);
  });
});
