// The authorization matrix, one part: test/access/questionnaire.cases.ts.
// Each route as anonymous, as every canonical role and on both sides of its object relation; see
// test/api/authorization-matrix-harness.ts.
import { matrixPart } from './authorization-matrix-harness.ts';

await matrixPart('questionnaire');
