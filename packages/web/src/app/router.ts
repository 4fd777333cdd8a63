/** A minimal path router: pages are routes under the app's base path; links push history entries. */
import { useEffect, useState } from 'react';

/** The current pathname, updated on navigation. */
export function usePathname(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const on = (): void => setPath(location.pathname);
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return path;
}

/** Goes to a path, keeping the query string (e.g. `?url=`). */
export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path + location.search);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
