import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../runner/repo-paths.ts';
import { curriculumMeta, renderClassroomWorkflow } from './classroom-workflow.ts';

/** `npx tsx graders/grading/instructor/write-classroom-workflow.ts`: one grader step per exercise. */
const exercises = curriculumMeta();
const file = join(repoRoot, '.github', 'workflows', 'classroom.yml');
await writeFile(file, renderClassroomWorkflow(exercises));
console.log(`Wrote .github/workflows/classroom.yml with ${exercises.length} exercise step(s).`);
