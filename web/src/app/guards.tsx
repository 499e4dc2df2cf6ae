import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe, useSetupStatus } from '../api/session';
import { setLanguage } from '../i18n';
import { Forbidden, FullPageLoader, LoadError } from '../ui/states';
import { canCall, type Route } from './access';
import { loadLayout, loadShell, preloadFirstScreens } from './first-screens';
import { useSession } from './session';

// The menu and header of the signed-in screens, in the shell they share: the sign-in screen does without them.
const SignedInFrame = lazy(async () => {
  const { AppLayout, ShellProviders } = await loadLayout();
  return {
    default: () => (
      <ShellProviders>
        <AppLayout />
      </ShellProviders>
    ),
  };
});
// Shown once in an installation's life: not worth a place in everyone's first download.
const SetupPage = lazy(async () => {
  const [{ SetupPage }, { ShellProviders }] = await Promise.all([
    import('../features/setup/setup-page'),
    loadShell(),
  ]);
  return {
    default: (props: { version: string }) => (
      <ShellProviders>
        <SetupPage {...props} />
      </ShellProviders>
    ),
  };
});

/**
 * The top of every page: a fresh installation shows the setup screen on any path; otherwise the session is
 * loaded once, and the signed-in user's saved language wins over this browser's.
 */
export function AppRoot() {
  const setup = useSetupStatus();
  // Asked together with the setup status, not after it: one round trip less before the first screen.
  const me = useMe(setup.data?.needsSetup !== true);
  const savedLocale = me.data?.user.locale;
  const signingIn = setup.data?.needsSetup === true || me.data === null;

  useEffect(() => {
    if (savedLocale) void setLanguage(savedLocale);
  }, [savedLocale]);

  useEffect(() => {
    if (signingIn) preloadFirstScreens();
  }, [signingIn]);

  if (setup.isPending) return <FullPageLoader />;
  if (setup.isError) return <LoadError error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data.needsSetup) {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <SetupPage version={setup.data.version} />
      </Suspense>
    );
  }
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  return <Outlet />;
}

/** Screens behind the sign-in: without a session, go to the sign-in and come back here afterwards. */
export function RequireAuth() {
  const me = useMe(false).data;
  const location = useLocation();
  if (!me) {
    const here = location.pathname + location.search;
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return (
    <Suspense fallback={<FullPageLoader />}>
      <SignedInFrame />
    </Suspense>
  );
}

/** A screen for the roles the server lets make its main call; others see "no access". */
export function RequireRole({ needs, children }: { needs: Route; children: ReactNode }) {
  const { user } = useSession();
  if (!canCall(user.role, needs)) return <Forbidden />;
  return children;
}
