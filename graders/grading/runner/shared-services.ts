import type { Exercise } from './exercise-catalog.ts';
import { type RunningServices, type ServiceName, servicesNeeded, startServices } from '../../services/services.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';

/**
 * Starts, once, every service any of the given exercises declares (plus `extra`), and
 * returns the environment that lets each child Vitest run reuse them instead of starting
 * its own. `COURSE_NEEDS`, when set, narrows the set further.
 */
export async function startSharedServices(
  exercises: readonly Exercise[],
  extra: readonly ServiceName[] = [],
): Promise<{ services: RunningServices; env: NodeJS.ProcessEnv }> {
  const allowed = servicesNeeded();
  const wanted = new Set<ServiceName>([...extra, ...exercises.flatMap((exercise) => exercise.meta.services)]);
  const needed = [...wanted].filter((name) => allowed.includes(name));
  const services = await startServices(needed);
  return {
    services,
    env: {
      ...process.env,
      COURSE_NEEDS: needed.join(','),
      [sharedAddressesVariable]: JSON.stringify(services.addresses),
    },
  };
}
