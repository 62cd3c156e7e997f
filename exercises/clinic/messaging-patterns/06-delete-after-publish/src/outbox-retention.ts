/**
 * How long checkout must be able to show, and send again, an event it has published: the
 * auditors ask for thirty days, and a consumer that lost its data is rebuilt by republishing
 * from the outbox.
 */
export const outboxRetentionMs = 30 * 24 * 60 * 60 * 1000;
