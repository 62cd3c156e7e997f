import { machineProbes, runDoctor } from './doctor-checks.ts';

const marks = { ok: '✓', warn: '!', fail: '✗' } as const;
const findings = await runDoctor(machineProbes());
console.log('Course doctor\n');
for (const finding of findings) {
  console.log(`  ${marks[finding.level]} ${finding.title}${finding.detail ? `\n      ${finding.detail}` : ''}`);
}
const failed = findings.filter((f) => f.level === 'fail').length;
console.log(failed ? `\n${failed} problem(s) to fix before grading.` : '\nReady: npm run grade.');
// process.exit, not exitCode: a dependency's exit hook (async-exit-hook) would turn it into 0.
process.exit(failed ? 1 : 0);
