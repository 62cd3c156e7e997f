declare module 'vitest' {
  interface TaskMeta {
    /** The test stages a fault only the embedded broker can, so it ran there whatever the provider. */
    embeddedOnly?: boolean;
  }
}

/**
 * Marks a suite that starts its own embedded broker to stage faults. Pass it as the options
 * of `describe`; the name suffix makes it visible in any reporter and the task meta lets a
 * report generator list these tests apart from the provider-independent ones.
 */
export const embeddedOnly = { meta: { embeddedOnly: true } };
export const embeddedOnlySuffix = '[embedded broker only]';
