import { useEffect, useState } from 'react';
import { listOrganisations, type Organisation } from '../api.ts';

let cached: Promise<Organisation[]> | null = null;

/** The organisation directory (public to signed-in users), loaded once per page load. */
export function useOrganisations(): Organisation[] {
  const [list, setList] = useState<Organisation[]>([]);
  useEffect(() => {
    cached ??= listOrganisations()
      .then((r) => r.items)
      .catch(() => {
        cached = null;
        return [];
      });
    let live = true;
    cached.then((items) => {
      if (live) setList(items);
    });
    return () => {
      live = false;
    };
  }, []);
  return list;
}
