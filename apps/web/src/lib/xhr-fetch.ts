/** Bytes sent so far and the total (0 when the browser cannot tell). */
export type UploadProgress = (loaded: number, total: number) => void;

function responseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

function xhrBody(body: BodyInit | null | undefined): XMLHttpRequestBodyInit | null {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string' || body instanceof FormData || body instanceof Blob || body instanceof URLSearchParams || body instanceof ArrayBuffer) return body;
  if (ArrayBuffer.isView(body)) return new Blob([new Uint8Array(body.buffer, body.byteOffset, body.byteLength)]);
  throw new TypeError('This request body cannot be sent with upload progress.');
}

/**
 * `fetch` over XMLHttpRequest, for the one thing fetch cannot do in every browser yet: report
 * upload progress (streamed request bodies need HTTP/2 in Chromium). Used only by the SPA's
 * fetch wrapper in lib/api-client.ts, never directly.
 */
export function xhrFetch(input: string, init: RequestInit, onProgress: UploadProgress): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method ?? 'GET', input);
    xhr.responseType = 'arraybuffer';
    new Headers(init.headers).forEach((value, key) => xhr.setRequestHeader(key, value));
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : 0);
    xhr.onload = () => {
      const empty = [204, 205, 304].includes(xhr.status);
      const body: ArrayBuffer | null = empty || !(xhr.response instanceof ArrayBuffer) ? null : xhr.response;
      resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders(xhr.getAllResponseHeaders()) }));
    };
    xhr.onerror = () => reject(new TypeError('Network request failed'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    init.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(xhrBody(init.body));
  });
}
