import type { Reporter, TestModule } from 'vitest/node';
import { mark } from './split-marks.ts';

/** Marks the main process's steps of one measured run, and the worker-side durations Vitest itself records. */
export default class SplitReporter implements Reporter {
  onInit(): void {
    mark('vitest ready');
  }
  onTestRunStart(): void {
    mark('test run starts');
  }
  onTestModuleQueued(): void {
    mark('file queued');
  }
  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    mark('file ended');
    // Durations in ms, not instants: the bench reads marks named "(ms)" as such.
    mark('worker environment (ms)', d.environmentSetupDuration);
    mark('worker prepare (ms)', d.prepareDuration);
    mark('setup files (ms)', d.setupDuration);
    mark('test file import and collect (ms)', d.collectDuration);
    mark('tests and hooks (ms)', d.duration);
  }
  onTestRunEnd(): void {
    mark('test run ends');
  }
}
