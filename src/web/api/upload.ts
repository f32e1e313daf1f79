import { ApiError, csrfToken, toProblem } from './client.ts';

/**
 * Sends a file as the raw body of a POST with XMLHttpRequest, the one
 * browser API that reports upload progress. Answers like `unwrap`: the JSON
 * body on success, an ApiError (problem) otherwise.
 */
export function uploadFile<T>(
  url: string,
  file: Blob,
  options: { contentType: string; onProgress?: (sent: number, total: number) => void; signal?: AbortSignal },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.setRequestHeader('Content-Type', options.contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Not JSON (a proxy's error page): kept as text for the problem's detail.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(toProblem(body, { status: xhr.status, statusText: xhr.statusText })));
    };
    const failed = (detail: string) => () => reject(new ApiError({ status: 0, code: 'NETWORK', detail }));
    xhr.onerror = failed('network error');
    xhr.onabort = failed('aborted');
    xhr.ontimeout = failed('timeout');
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
