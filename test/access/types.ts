/**
 * Types of the authorization-matrix test cases. A module keeps its cases in
 * `test/access/<module>.cases.ts`, exporting `CASES: Record<string, RouteCase>` keyed like
 * src/access/matrix.ts; test/access/matrix.test.ts picks up every such file.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { TestContext } from '../support/helper.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Call {
  url: string;
  body?: unknown;
  /** Extra request headers (a multipart upload's content type). */
  headers?: Record<string, string>;
}

/** One side of an object relation: the object's relation to the caller. */
export type RelationSide =
  | 'own_department'
  | 'other_department'
  | 'own_jurisdiction'
  | 'other_jurisdiction'
  | 'assigned'
  | 'unassigned';

export interface RelationCase {
  side: RelationSide;
  /** Demo account that makes the call (a role the matrix allows). */
  as: string;
  /** Builds a request on an object that has `side` relation to `as`. */
  call: (ctx: TestContext, seq: number) => Promise<Call> | Call;
  /** What counts as success on the own side; default 2xx. */
  allowed?: (res: LightMyRequestResponse) => boolean;
}

export interface RouteCase {
  /** Builds the request (fresh objects per call where a write would collide). */
  call: (ctx: TestContext, seq: number) => Promise<Call> | Call;
  /** What counts as the success path for an allowed role; default 2xx. */
  allowed?: (res: LightMyRequestResponse) => boolean;
  /** The call ends the caller's session (logout): log in again afterwards. */
  endsSession?: boolean;
  /** Calls across the route's object relation (required when the matrix names one) … */
  relations?: RelationCase[];
  /**
   * … or the domain's own tests of both sides, as `test/api/<module>/x.test.ts: exact test name` (each must
   * exist verbatim, like docs/traceability.tsv).
   */
  relationsTestedIn?: string[];
}
