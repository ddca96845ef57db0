// The authorization matrix, one part: the public routes of src/publication (publication.cases.ts).
// Each route as anonymous, as every canonical role and on both sides of its object relation; see
// test/access/harness.ts.
import { matrixPart } from './harness.ts';

await matrixPart('publication');
