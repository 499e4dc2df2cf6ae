import { loadAllTexts } from '../i18n';

/**
 * What every screen after the sign-in (and the first-run setup) needs besides its own code: the providers and
 * styles the sign-in screen does without (shell-providers.tsx) and every feature's texts. Such a screen renders
 * only once all of it is here, so none shows a raw key or an unstyled component.
 */
export async function loadShell() {
  const [shell] = await Promise.all([import('./shell-providers'), loadAllTexts()]);
  return shell;
}

/**
 * The code of the first screens after the sign-in (or the first-run setup): the menu around every screen, with the
 * shell, and the home page. Fetched while the user fills in the form, so signing in does not wait for downloads.
 */
export async function loadLayout() {
  const [layout, shell] = await Promise.all([import('./app-layout'), loadShell()]);
  return { AppLayout: layout.AppLayout, ShellProviders: shell.ShellProviders };
}
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
