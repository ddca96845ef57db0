/**
 * The route table as the signed-in layout hands it to its pages (the layout's outlet context), so
 * that a page listing routes (the workbench's shortcuts) does not import routes.ts, which loads it.
 */
import { useOutletContext } from 'react-router-dom';
import type { RouteEntry } from '../route-types.ts';

export interface LayoutContext {
  routes: readonly RouteEntry[];
}

export function useRouteTable(): readonly RouteEntry[] {
  return useOutletContext<LayoutContext>().routes;
}
