import type { ApiClient } from './api.client';

/**
 * Fetches an attachment with the bearer token (a plain link would carry none) and hands it to the
 * browser as a download under the server's file name.
 */
export async function saveDownload(api: Pick<ApiClient, 'download'>, options: { path: string; fallbackName: string }): Promise<void> {
  const { blob, filename } = await api.download(options.path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename ?? options.fallbackName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
