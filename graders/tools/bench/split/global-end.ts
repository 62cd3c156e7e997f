import { mark } from './split-marks.ts';

/** The last global set-up of a measured run: the course's own global set-up has ended. */
export default function setup(): () => void {
  mark('global set-up ends');
  return () => mark('global teardown starts');
}
