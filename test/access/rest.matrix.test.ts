// The authorization matrix, one part: every test/access/<module>.cases.ts that has no part file of its own yet.
// Each route as anonymous, as every canonical role and on both sides of its object relation; see
// test/access/harness.ts.
import { matrixPart } from './harness.ts';

await matrixPart('rest');
