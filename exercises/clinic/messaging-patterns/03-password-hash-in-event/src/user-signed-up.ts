import type { UserRow } from './user.ts';

/**
 * UserSignedUp carries the user as the accounts service stores it: event-carried state
 * transfer, so no consumer has to call back for anything it might want.
 */
export function userSignedUpData(user: UserRow): Record<string, unknown> {
  return { ...user };
}

/** The JSON Schema every UserSignedUp is checked against before it is published. */
export const userSignedUpSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://course.invalid/schemas/accounts/user-signed-up.schema.json',
  title: 'UserSignedUp',
  allOf: [{ $ref: 'https://course.invalid/schemas/event-envelope.schema.json' }],
  properties: {
    type: { const: 'UserSignedUp' },
    data: {
      type: 'object',
      required: ['userId'],
      properties: {
        userId: { type: 'string', format: 'uuid' },
      },
    },
  },
};
