import { mark } from './split-marks.ts';

/** The first global set-up of a measured run: the course's own global set-up is timed from here. */
export default function setup(): () => void {
  mark('global set-up starts');
  return () => mark('global teardown ends');
}
