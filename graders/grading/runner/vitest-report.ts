/**
 * The parts of Vitest's JSON reporter output (`--reporter=json`, Jest's format) the grader
 * reads. Kept to what it uses, so a reporter change shows up as a type error here.
 */
export interface VitestJsonReport {
  success: boolean;
  numTotalTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: 'passed' | 'failed';
    /** Set when the file itself failed: an import, syntax or set-up error. */
    message: string;
    assertionResults: {
      ancestorTitles: string[];
      title: string;
      fullName: string;
      status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled';
      duration?: number | null;
      failureMessages: string[] | null;
    }[];
  }[];
}
