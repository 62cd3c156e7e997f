/**
 * How long `payments.captured` keeps events. Anything still on the topic can be delivered
 * again: a consumer-group offset reset, a replay after an incident, a consumer that was
 * down for days and catches up.
 */
export const sourceTopicRetentionMs = 7 * 24 * 60 * 60 * 1000;
