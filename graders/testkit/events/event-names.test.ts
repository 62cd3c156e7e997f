import { describe, expect, it } from 'vitest';
import { factNameFor, nameFindings, subjectPrefixes } from './event-names.ts';

const rules = (name: string) => nameFindings(name).map((finding) => finding.rule);

describe('event names', () => {
  it('accept facts in the past tense, with or without a particle', () => {
    for (const name of ['OrderPlaced', 'UserSignedUp', 'InvoicePaid', 'PaymentRefunded', 'ShipmentDispatched']) expect(rules(name), name).toEqual([]);
  });

  it('refuse commands and ongoing actions, and suggest the fact', () => {
    expect(nameFindings('SendWelcomeEmail')[0]).toMatchObject({ rule: 'name/past-tense', fix: expect.stringMatching(/consider WelcomeEmailSent; if it asks one service to act, send it as a command/) });
    expect(factNameFor('PlaceOrder')).toBe('OrderPlaced');
    expect(rules('OrderPlacing')).toEqual(['name/past-tense']);
  });

  it('refuse bags of changes with a specific fact to consider', () => {
    for (const name of ['OrderUpdated', 'CustomerChanged', 'AccountModified']) expect(rules(name), name).toEqual(['name/specific-fact']);
    expect(nameFindings('OrderUpdated')[0]!.fix).toMatch(/OrderAddressCorrected or OrderCancelled/);
  });

  it('refuse names that are not PascalCase, suggesting the PascalCase form', () => {
    expect(nameFindings('order_placed')[0]).toMatchObject({ rule: 'name/pascal-case', fix: expect.stringMatching(/OrderPlaced/) });
  });

  it('find the subject a payload must name by id', () => {
    expect(subjectPrefixes('OrderAddressCorrected')).toEqual(['Order', 'OrderAddress']);
    expect(subjectPrefixes('UserSignedUp')).toEqual(['User']);
  });
});
