import type { TestProject } from 'vitest/node';
import { type ServiceAddresses, servicesNeeded, startServices } from '../services/services.ts';
import './provided-services.ts';

/** Set by a grader that started the services itself and runs many Vitest processes on them. */
export const sharedAddressesVariable = 'COURSE_SERVICE_ADDRESSES';

/**
 * Starts the run's services once, before any test file, and hands their addresses to the
 * test workers. Under a grader the services already run, and this only forwards them, so
 * the report still names the provider that really served them.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const shared = process.env[sharedAddressesVariable];
  if (shared) {
    project.provide('services', JSON.parse(shared) as ServiceAddresses);
    return undefined;
  }
  const services = await startServices(servicesNeeded());
  project.provide('services', services.addresses);
  return () => services.stop();
}
