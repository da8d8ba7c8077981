/** The pages of the tab another page links to. */
export type TabPage = 'minutes.html' | 'plan.html' | 'reports.html' | 'stage.html';

/** Another page of the tab, keeping a `?theme=` the current page was opened with. */
export function pageHref(page: TabPage, query: Record<string, string>): string {
  const params = new URLSearchParams(query);
  const theme = new URLSearchParams(window.location.search).get('theme');
  if (theme) params.set('theme', theme);
  return `${page}?${params.toString()}`;
}
