import type { ServiceAddresses } from '../../services/services.ts';

// What the global setup hands every test worker through Vitest's `provide`/`inject`.
declare module 'vitest' {
  export interface ProvidedContext {
    services: ServiceAddresses;
  }
}

export type { ServiceAddresses };
