/**
 * The project enumerations with their Chinese labels, from GET /api/projects/meta (the server's
 * src/projects/model.ts): the web app does not copy them. Loaded once per page load; until then the
 * lists are empty (labels fall back to the names the server sends with each record).
 */
import { useEffect, useState } from 'react';
import { type ApiResponse, api } from '../../api/client.ts';
import type { Option } from './logic.ts';

export type ProjectMetaResponse = ApiResponse<'/api/projects/meta', 'get'>;
export type ProjectOptions = { [K in keyof ProjectMetaResponse]: Option[] };

const KEYS = [
  'types',
  'categories',
  'fundingModes',
  'states',
  'systemRelations',
  'resourceRelations',
  'declarations',
  'reviewDimensions',
  'reviewFindings',
  'expertFields',
  'expertConclusions',
  'assessmentGrades',
  'assignmentKinds',
  'planKinds',
  'planScopes',
  'planStatuses',
] as const satisfies readonly (keyof ProjectMetaResponse)[];

const EMPTY = Object.fromEntries(KEYS.map((k) => [k, []])) as unknown as ProjectOptions;

const toOptions = (meta: ProjectMetaResponse): ProjectOptions =>
  Object.fromEntries(
    KEYS.map((k) => [k, meta[k].map(({ code, label }) => ({ value: code, label }))]),
  ) as unknown as ProjectOptions;

let loaded: ProjectOptions | null = null;
let pending: Promise<ProjectOptions> | null = null;

export function getProjectMeta(): Promise<ProjectOptions> {
  pending ??= api.get<ProjectMetaResponse>('/api/projects/meta').then(
    (meta) => {
      loaded = toOptions(meta);
      return loaded;
    },
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** The project options as `{ value, label }` lists for Select, Checkbox.Group and labelOf. */
export function useProjectMeta(): ProjectOptions {
  const [meta, setMeta] = useState<ProjectOptions>(loaded ?? EMPTY);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    getProjectMeta().then(
      (m) => live && setMeta(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return meta;
}
