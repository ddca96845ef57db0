/**
 * Operations and security records per system (issue 15; migration 0012_operations). Filed records
 * (assessments, plan versions, incident timeline entries) are append-only — the database refuses an
 * UPDATE or DELETE — and an incident's core facts never change: corrections are appended entries.
 * Editable rows (grading, drills, responsibility, internal rules, base libraries, requests) carry a
 * version column for optimistic concurrency.
 */

export * from './emergency.ts';
export * from './incidents.ts';
export * from './lifecycle.ts';
export * from './resources.ts';
export * from './security.ts';
