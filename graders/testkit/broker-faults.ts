// The embedded broker's fault switches, for exercise tests that stage a broker fault real
// Kafka cannot (a lost acknowledgement, a refused produce). Exercises reach the broker only
// through this file, so graders/services stays out of their imports.
export { embeddedOnly, embeddedOnlySuffix } from '../services/broker/embedded-only.ts';
export { startEmbeddedBroker } from '../services/broker/start-embedded-broker.ts';
