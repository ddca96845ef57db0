import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { isAllowed } from './access.ts';
import { useSession } from './auth/context.ts';
import { RequireAccess, RequireAuth } from './auth/guards.tsx';
import { Forbidden } from './components/Forbidden.tsx';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { RouteError } from './components/RouteError.tsx';
import type { CrumbHandle } from './crumbs.ts';
import { BasicLayout } from './layouts/BasicLayout.tsx';
import { type RouteEntry, routes } from './routes.ts';

/** Opening a menu group's own path goes to the first of its pages the user may open. */
function GroupRedirect({ entry }: { entry: RouteEntry }) {
  const { access } = useSession();
  const first = entry.children?.find((child) => child.load && isAllowed(access, child.access));
  return first ? <Navigate to={first.path} replace /> : <Forbidden />;
}

function pageOf(entry: RouteEntry): ComponentType | null {
  return entry.load ? lazy(entry.load) : null;
}

/** One entry of the route table inside the signed-in layout (lazy page, access guard, breadcrumb). */
function toLayoutRoute(entry: RouteEntry): RouteObject {
  const handle: CrumbHandle = { name: entry.name, path: entry.path, isGroup: !entry.load };
  const Page = pageOf(entry);
  const element = Page ? (
    <RequireAccess access={entry.access}>
      <Page />
    </RequireAccess>
  ) : undefined;

  if (entry.path === '/') return { index: true, element, handle, errorElement: <RouteError /> };
  const children = entry.children?.map(toLayoutRoute);
  return {
    path: entry.path,
    element,
    handle,
    errorElement: <RouteError />,
    children: children && [{ index: true, element: <GroupRedirect entry={entry} /> }, ...children],
  };
}

/** A public page outside the layout (the login page). */
function toBareRoute(entry: RouteEntry): RouteObject {
  const Page = pageOf(entry);
  return {
    path: entry.path,
    element: Page ? (
      <Suspense fallback={<FullPageSpin />}>
        <Page />
      </Suspense>
    ) : undefined,
    errorElement: <RouteError />,
  };
}

export const routeObjects: RouteObject[] = [
  ...routes.filter((r) => r.layout === false).map(toBareRoute),
  {
    path: '/',
    element: (
      <RequireAuth>
        <BasicLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: routes.filter((r) => r.layout !== false).map(toLayoutRoute),
  },
];

export const router = createBrowserRouter(routeObjects);
