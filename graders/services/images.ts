/**
 * Every container image the course pins, in one place. The Testcontainers providers read
 * them from here, and so do the CI workflow and `doctor`.
 */
export const images = {
  postgres: 'postgres:17-alpine',
  kafka: 'apache/kafka:4.1.0',
} as const;
