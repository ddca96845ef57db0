/** What each router route built from routes.ts carries in its `handle`, for the breadcrumb. */
export interface CrumbHandle {
  name: string;
  path: string;
  /** A menu group without a page of its own: shown as text, not a link. */
  isGroup: boolean;
}

export function isCrumbHandle(handle: unknown): handle is CrumbHandle {
  if (typeof handle !== 'object' || handle === null) return false;
  const h = handle as Record<string, unknown>;
  return typeof h.name === 'string' && typeof h.path === 'string' && typeof h.isGroup === 'boolean';
}
