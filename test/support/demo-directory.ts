/**
 * The demo jurisdictions and organisations (src/demo/accounts.ts) as the pure directory that "who may
 * act" reads (src/projects/actors.ts): ids are the codes and names, so that unit tests can name them.
 */
import { DEMO_JURISDICTIONS, DEMO_ORGANISATIONS } from '../../src/demo/accounts.ts';
import type { Directory } from '../../src/projects/index.ts';

type Jurisdiction = Directory['jurisdictions'][number];
type Organisation = Directory['organisations'][number];

/** Shanxi, the demo jurisdictions under it and their organisations, plus any `extra` ones. */
export function demoDirectory(
  extra: { jurisdictions?: Jurisdiction[]; organisations?: Organisation[] } = {},
): Directory {
  return {
    jurisdictions: [
      { id: 'SX', code: 'SX', name: '山西省', parentId: null, rulebookCode: null },
      ...DEMO_JURISDICTIONS.map((j) => ({
        id: j.code,
        code: j.code,
        name: j.name,
        parentId: j.parent,
        rulebookCode: j.rulebookCode,
      })),
      ...(extra.jurisdictions ?? []),
    ],
    organisations: [
      ...DEMO_ORGANISATIONS.map((o) => ({
        id: o.name,
        name: o.name,
        kind: o.kind,
        jurisdictionId: o.jurisdiction,
        parentId: null,
      })),
      ...(extra.organisations ?? []),
    ],
  };
}
