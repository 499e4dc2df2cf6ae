/**
 * The code of the first screens after the sign-in (or the first-run setup): the menu around every screen and the
 * home page. Fetched while the user fills in the form, so signing in does not wait for two downloads in a row.
 */
export const loadLayout = () => import('./app-layout');
export const loadHome = () => import('../features/home/home-page');

/**
 * Starts both downloads once the browser is idle after showing the sign-in form, so that running them does not
 * hold up the first screen; a failure shows later, on the screen that needs the code.
 */
export function preloadFirstScreens(): void {
  const start = () => {
    loadLayout().catch(() => {});
    loadHome().catch(() => {});
  };
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 1500 });
  else setTimeout(start, 300);
}
