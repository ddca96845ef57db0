/**
 * Files from the API (exports, templates, documents): one fetch that turns a refusal into the same
 * ApiError as every other call, and one way to hand the blob to the browser under its name.
 */
import { ApiError, buildUrl, NETWORK_ERROR, type QueryValue, toApiError } from './client.ts';

/** The file name of a Content-Disposition header (`filename*` first), or the fallback. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** Sends the request with the session cookie; a network failure becomes ApiError 0. */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, { code: NETWORK_ERROR, message: '无法连接服务器，请检查网络后重试' });
  }
}

/** The server's refusal as an ApiError (its JSON body when there is one). */
export async function failure(response: Response): Promise<ApiError> {
  const body: unknown = (response.headers.get('content-type') ?? '').includes('json')
    ? await response.json().catch(() => undefined)
    : undefined;
  return toApiError(response.status, body, response.headers.get('x-request-id'));
}

/** GETs a file: its content and its name (from Content-Disposition, else `fallback`). */
export async function fetchFile(
  path: string,
  query: Record<string, QueryValue> | undefined,
  fallback: string,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await send(buildUrl(path, query));
  if (!response.ok) throw await failure(response);
  const fileName = fileNameFromDisposition(response.headers.get('content-disposition'), fallback);
  return { blob: await response.blob(), fileName };
}

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches and saves a file; returns the name it was saved under. */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue> | undefined,
  fallback: string,
): Promise<string> {
  const { blob, fileName } = await fetchFile(path, query, fallback);
  saveBlob(blob, fileName);
  return fileName;
}
