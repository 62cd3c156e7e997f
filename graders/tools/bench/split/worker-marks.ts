import { mark } from './split-marks.ts';

// The first set-up file of a measured run: the test worker was forked at its time origin and
// has loaded Vitest's runtime by now. The worker may write inside the copy only, where the
// bench puts its marks file.
mark('worker forked', performance.timeOrigin);
mark('worker booted', performance.timeOrigin + (performance.nodeTiming.bootstrapComplete ?? 0));
mark('worker set-up starts');
