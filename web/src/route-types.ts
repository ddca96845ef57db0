/** The shape of the route table (routes.ts); types only, so Node tests can import it. */
import type { ComponentType } from 'react';
import type { AccessKey } from './access.ts';

export type IconKey =
  | 'home'
  | 'rulebook'
  | 'setting'
  | 'organisation'
  | 'user'
  | 'calendar'
  | 'audit'
  | 'lock'
  | 'catalog'
  | 'project';

export interface PageModule {
  default: ComponentType;
}

export interface RouteEntry {
  path: string;
  /** Chinese label in the menu, the breadcrumb and the workbench. */
  name: string;
  icon?: IconKey;
  access?: AccessKey;
  load?: () => Promise<PageModule>;
  children?: RouteEntry[];
  hideInMenu?: boolean;
  /** false: rendered without the signed-in layout (login). */
  layout?: false;
  /** One line for the workbench card. */
  description?: string;
}
