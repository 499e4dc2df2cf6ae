/**
 * The code of the first screens after the sign-in (or the first-run setup): the menu around every screen and the
 * home page. Fetched while the user fills in the form, so signing in does not wait for two downloads in a row.
 */
export const loadLayout = () => import('./app-layout');
export const loadHome = () => import('../features/home/home-page');

/** Starts both downloads; a failure shows later, on the screen that needs the code. */
export function preloadFirstScreens(): void {
  loadLayout().catch(() => {});
  loadHome().catch(() => {});
}
