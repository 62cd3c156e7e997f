import type { TestProject } from 'vitest/node';
import { replenishSpares } from '../harness/spare-databases.ts';
import { type RunningServices, type ServiceAddresses, servicesNeeded, startServices } from '../../services/services.ts';
import './provided-services.ts';

/** Set by a grader that started the services itself and runs many Vitest processes on them. */
export const sharedAddressesVariable = 'COURSE_SERVICE_ADDRESSES';

/**
 * Starts the run's services once, before any test file, and hands their addresses to the
 * test workers. Under a grader the services already run, and this only forwards them, so
 * the report still names the provider that really served them.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = process.env[sharedAddressesVariable];
  let services: RunningServices | undefined;
  const addresses = shared ? (JSON.parse(shared) as ServiceAddresses) : (services = await startServices(servicesNeeded())).addresses;
  project.provide('services', addresses);
  // Spare databases made while the first test files load, so they rarely wait for one.
  const spares = addresses.postgres ? replenishSpares(addresses.postgres.adminUrl).catch(() => undefined) : undefined;
  return async () => {
    await spares;
    await services?.stop();
  };
}
