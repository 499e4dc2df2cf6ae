/** Routes outside the access table: the API description and the web app's files. */
export function isOutsideAccessTable(url: string): boolean {
  return !url.startsWith('/api/') || url.startsWith('/api/docs') || url === '/api/openapi.json';
}

export function accessKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}
