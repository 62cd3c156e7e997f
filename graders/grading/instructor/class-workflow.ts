import { stringify } from 'yaml';

// Pinned like the course's other workflows: a tag can move, a commit cannot.
const checkout = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1'; // v7.0.1
const uploadArtifact = 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f'; // v7.0.0
const downloadArtifact = 'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c'; // v8.0.1
/** The image of the course's dev container, so the grade of record runs where learners work. */
const containerImage = 'mcr.microsoft.com/devcontainers/javascript-node:1-24-bookworm';
export const artifactPrefix = 'results-shard-';

export interface ClassWorkflowOptions {
  /** Roster path inside the instructor's repository. */
  roster: string;
  shards: number;
  /** Default deadline (ISO 8601): each learner is graded at their last commit before it. */
  deadline?: string;
}

/**
 * The workflow an instructor commits to a repository of their own (holding the course, its
 * roster and a LEARNERS_TOKEN secret that can read the learners' repositories): a matrix of
 * shards, each grading its share of the roster in a fresh container from which the
 * reference solutions are removed before any learner code is fetched, then one job that
 * merges the shards' results into the class's CSV and HTML report.
 */
export function renderClassWorkflow(options: ClassWorkflowOptions): string {
  const courseSteps = [
    { name: 'Check out the course', uses: checkout, with: { path: 'course', 'persist-credentials': false } },
    { name: 'Remove the reference solutions before any learner code is here', run: 'rm -rf course/solutions' },
    { name: 'Install the course', 'working-directory': 'course', run: 'npm ci --no-audit --no-fund' },
  ];
  const workflow = {
    name: 'Grade the class',
    on: {
      workflow_dispatch: {
        inputs: {
          deadline: {
            description: 'Grade each learner at their last commit before this time (ISO 8601); empty grades the latest commit',
            required: false,
            type: 'string',
            default: options.deadline ?? '',
          },
        },
      },
    },
    permissions: { contents: 'read' },
    concurrency: { group: 'grade-class', 'cancel-in-progress': false },
    jobs: {
      grade: {
        name: 'Grade shard ${{ matrix.shard }}',
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 120,
        container: { image: containerImage },
        strategy: { 'fail-fast': false, matrix: { shard: Array.from({ length: options.shards }, (_, i) => i + 1) } },
        steps: [
          ...courseSteps,
          {
            name: "Fetch this shard's learners",
            'working-directory': 'course',
            env: { LEARNERS_TOKEN: '${{ secrets.LEARNERS_TOKEN }}', DEADLINE: '${{ inputs.deadline }}' },
            run: `npm run instructor -- fetch --roster ../${options.roster} --shard \${{ matrix.shard }} --of ${options.shards} --into ../submissions --deadline "$DEADLINE"`,
          },
          {
            name: 'Grade them',
            'working-directory': 'course',
            env: { COURSE_SERVICES: 'embedded' },
            run: 'npm run grade -- --submissions ../submissions --out ../out',
          },
          {
            name: "Upload this shard's results",
            if: '${{ !cancelled() }}',
            uses: uploadArtifact,
            with: { name: `${artifactPrefix}\${{ matrix.shard }}`, path: 'out/*/grade.json', 'if-no-files-found': 'warn' },
          },
        ],
      },
      report: {
        name: 'Merge the class report',
        needs: 'grade',
        if: '${{ !cancelled() }}',
        'runs-on': 'ubuntu-latest',
        container: { image: containerImage },
        steps: [
          ...courseSteps,
          { name: "Download every shard's results", uses: downloadArtifact, with: { pattern: `${artifactPrefix}*`, path: 'collected' } },
          {
            name: 'Merge them into the CSV and HTML report',
            'working-directory': 'course',
            run: `npm run grade -- --collect ../collected --roster ../${options.roster} --out ../report`,
          },
          { name: 'Upload the class report', uses: uploadArtifact, with: { name: 'class-report', path: 'report/' } },
        ],
      },
    },
  };
  return `# Written by \`npm run instructor -- workflow\`; run it again rather than editing by hand.\n${stringify(workflow, { lineWidth: 0 })}`;
}
