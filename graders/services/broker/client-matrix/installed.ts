import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Which of the Debian-packaged clients this machine has. `.ci/run` installs both with apt-get
 * as root; elsewhere their tests are skipped and the test name says which package to install.
 */

/** Debian's interpreter first: the package installs into it, not into a pyenv or venv python. */
export const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const confluentKafkaMissing = spawnSync(python, ['-c', 'import confluent_kafka'], { stdio: 'ignore' }).status !== 0;
const kcatMissing = spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status !== 0;
const kafkaPythonMissing = spawnSync(python, ['-c', 'import kafka'], { stdio: 'ignore' }).status !== 0;

export const confluentKafka = {
  missing: confluentKafkaMissing,
  skipReason: confluentKafkaMissing ? ' [skipped: the Debian package python3-confluent-kafka is not installed: apt-get install python3-confluent-kafka]' : '',
};

export const kcat = {
  missing: kcatMissing,
  skipReason: kcatMissing ? ' [skipped: kcat is not installed: apt-get install kcat]' : '',
};

export const kafkaPython = {
  missing: kafkaPythonMissing,
  skipReason: kafkaPythonMissing ? ' [skipped: the Debian package python3-kafka (kafka-python) is not installed: apt-get install python3-kafka]' : '',
};
