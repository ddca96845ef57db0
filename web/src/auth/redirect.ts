/**
 * Where to go after login. Only same-origin paths inside the app are accepted, so a crafted
 * `/login?redirect=https://evil.example` or `//evil.example` cannot send the user elsewhere
 * (open redirect, ASVS 3.7). Pure; tested in redirect.test.ts.
 */
export function safeRedirect(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || raw.length > 2048) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // Control characters (tab, newline) can be dropped by URL parsers and turn the path into `//host`.
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return fallback;
  }
  const path = raw.split(/[?#]/, 1)[0];
  if (path === '/login' || path.startsWith('/login/')) return fallback;
  return raw;
}

/** The login URL that brings the user back to `from` afterwards (no parameter for the workbench). */
export function loginPath(from: string): string {
  const target = safeRedirect(from, '');
  return target && target !== '/' ? `/login?redirect=${encodeURIComponent(target)}` : '/login';
}
