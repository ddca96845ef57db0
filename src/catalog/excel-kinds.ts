/** Per catalog kind, how the Excel round trip checks, keys, updates and flattens an entry (pure). */
import { parseResourceCode } from './codes.ts';
import { normaliseName } from './dedupe.ts';
import type { DynamicList } from './excel-columns.ts';
import type { CatalogInputs, CatalogKind, CloudServiceInput, ResourceInput, SystemInput } from './model.ts';
import { type CheckResult, checkCloudService, checkResource, checkSystem } from './validate.ts';

/** The fields that identify a catalog entry for duplicate checks. */
export interface KeyFields {
  systems: Pick<SystemInput, 'name' | 'ownerDepartment'>;
  resources: Pick<ResourceInput, 'name' | 'provider'>;
  cloudServices: Pick<CloudServiceInput, 'name' | 'spec' | 'category' | 'provider'>;
}

/** An entry already in the catalog, for duplicate and code checks of an upload. */
export type ExistingEntry<K extends CatalogKind> = KeyFields[K] & { code: string };

export interface KindSpec<K extends CatalogKind> {
  noun: string;
  check(draft: Readonly<Record<string, unknown>>): CheckResult<CatalogInputs[K]>;
  key(fields: KeyFields[K]): string;
  /** The code that identifies an existing entry to update; undefined for a new entry. */
  updateCode(value: CatalogInputs[K]): string | undefined;
  /** Whether a code absent from the catalog is acceptable (resources may bring their own code). */
  newCodesAllowed: boolean;
  /** Fields resolved against platform lists. */
  listFields: readonly { field: string; list: DynamicList }[];
  withField(value: CatalogInputs[K], field: string, text: string): CatalogInputs[K];
  rows(value: CatalogInputs[K]): Readonly<Record<string, unknown>>[];
}

export const record = (value: object): Record<string, unknown> =>
  Object.fromEntries(new Map<string, unknown>(Object.entries(value)));
export const joinKey = (...parts: string[]) => parts.map(normaliseName).join('\u0000');

export const SPECS: { [P in CatalogKind]: KindSpec<P> } = {
  systems: {
    noun: '系统',
    check: checkSystem,
    key: (f) => joinKey(f.ownerDepartment, f.name),
    updateCode: (value) => value.code,
    newCodesAllowed: false,
    listFields: [
      { field: 'ownerDepartment', list: 'departments' },
      { field: 'jurisdiction', list: 'jurisdictions' },
    ],
    withField: (value, field, text) =>
      field === 'ownerDepartment'
        ? { ...value, ownerDepartment: text }
        : field === 'jurisdiction'
          ? { ...value, jurisdiction: text }
          : value,
    rows: (value) => [record(value)],
  },
  resources: {
    noun: '资源',
    check: checkResource,
    key: (f) => joinKey(f.provider, f.name),
    updateCode: (value) => {
      const parsed = parseResourceCode(value.code);
      return parsed.ok && parsed.code.sequence !== null ? parsed.code.text : undefined;
    },
    newCodesAllowed: true,
    listFields: [{ field: 'provider', list: 'departments' }],
    withField: (value, field, text) => (field === 'provider' ? { ...value, provider: text } : value),
    rows: (value) => {
      const base = record(value);
      base.dataItems = undefined;
      if (value.dataItems.length === 0) return [base];
      return value.dataItems.map((item) => ({
        ...base,
        'dataItems.name': item.name,
        'dataItems.dataType': item.dataType,
        'dataItems.length': item.length,
      }));
    },
  },
  cloudServices: {
    noun: '云服务',
    check: checkCloudService,
    key: (f) => joinKey(f.provider, f.category, f.name, f.spec),
    updateCode: (value) => value.code,
    newCodesAllowed: false,
    listFields: [],
    withField: (value) => value,
    rows: (value) => [record(value)],
  },
};

/** The duplicate key of an entry: normalised names of its identifying fields. */
export function catalogKey<K extends CatalogKind>(kind: K, fields: KeyFields[K]): string {
  const spec: KindSpec<K> = SPECS[kind];
  return spec.key(fields);
}
