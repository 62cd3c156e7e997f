import { type ChildProcess, spawn } from 'node:child_process';
import { until } from './until.ts';

/**
 * A `kcat -G` balanced consumer running in the background. kcat reports each rebalance on
 * stderr ("% Group G rebalanced (memberid M): assigned: topic [0], topic [1]"), which is how
 * a test knows the group has settled before it produces: no sleeping.
 */
export class KcatMember {
  readonly lines: string[] = [];
  assigned: number[] = [];
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private stderr = '';
  private readonly watchers = new Set<() => void>();

  constructor(brokers: string, group: string, topic: string, count: number) {
    this.child = spawn('kcat', ['-b', brokers, '-G', group, '-c', String(count), '-f', '%p:%s\\n', '-X', 'heartbeat.interval.ms=200', '-X', 'session.timeout.ms=6000', '-X', 'auto.offset.reset=earliest', topic]);
    let stdout = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const complete = stdout.split('\n');
      stdout = complete.pop()!;
      this.lines.push(...complete);
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
      const assignments = [...this.stderr.matchAll(/rebalanced \(memberid [^)]*\): (?:(assigned)|revoked): ([^\n]*)/g)];
      const last = assignments.at(-1);
      this.assigned = last?.[1] ? [...last[2]!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])) : [];
      for (const watcher of this.watchers) watcher();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', resolve));
  }

  /** Resolves once `holds` is true after some rebalance report; fails with kcat's stderr after `within` ms. */
  static until(members: KcatMember[], holds: () => boolean, what: string): Promise<void> {
    const subscribe = (check: () => void) => {
      for (const member of members) member.watchers.add(check);
      return () => members.forEach((member) => member.watchers.delete(check));
    };
    return until(holds, subscribe, what, { explain: () => `kcat said:\n${members.map((m) => m.stderr).join('\n---\n')}` });
  }

  /** Waits for kcat to exit after its `-c` count of records. */
  async finished(): Promise<string[]> {
    const code = await this.exited;
    if (code !== 0) throw new Error(`kcat -G exited with ${code}:\n${this.stderr}`);
    return this.lines;
  }

  kill(): void {
    this.child.kill();
  }
}
