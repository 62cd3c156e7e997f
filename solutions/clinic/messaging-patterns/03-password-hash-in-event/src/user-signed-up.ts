import type { UserRow } from './user.ts';

/**
 * UserSignedUp carries what its consumers need and nothing else: the user's id, which every
 * consumer keys on, and the plan, which billing and onboarding act on. Contact details stay
 * in the accounts service (the email service asks for the address by id, so an erasure there
 * reaches every consumer), and the password hash never leaves the login code. Each field is
 * chosen by name: a column added to the users table later cannot slip into the event.
 */
export function userSignedUpData(user: UserRow): Record<string, unknown> {
  return { userId: user.userId, plan: user.plan };
}

/**
 * The JSON Schema every UserSignedUp is checked against before it is published. The payload
 * is closed (additionalProperties: false): a field must be added here, on purpose, before
 * the publisher can send it.
 */
export const userSignedUpSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://course.invalid/schemas/accounts/user-signed-up.schema.json',
  title: 'UserSignedUp',
  allOf: [{ $ref: 'https://course.invalid/schemas/event-envelope.schema.json' }],
  properties: {
    type: { const: 'UserSignedUp' },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['userId', 'plan'],
      properties: {
        userId: { type: 'string', format: 'uuid' },
        plan: { enum: ['free', 'pro', 'team'] },
      },
    },
  },
};
