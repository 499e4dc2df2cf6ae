import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Divider,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useCompany } from '../api/company';
import { useLogout } from '../api/session';
import { GlobalSearch } from '../features/search/global-search';
import { Brand } from '../ui/brand';
import { LanguageSwitch } from '../ui/language-switch';
import { PageLoader } from '../ui/states';
import { canCall } from './access';
import { DemoBanner } from './demo-banner';
import {
  CATALOG_SCREENS,
  FRONT_OFFICE_SCREENS,
  HOME,
  ORDERS_SCREENS,
  REPORT_SCREENS,
  SALES_SCREENS,
  type Screen,
  SETTINGS_SCREENS,
  STOCK_SCREENS,
} from './nav';
import { useSession } from './session';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
}

function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.label')} px={6} py={4} style={{ borderRadius: 6 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="blue">
              {initialsOf(user.fullName)}
            </Avatar>
            <Box visibleFrom="sm">
              <Text size="sm" fw={500} lh={1.2} truncate maw={180}>
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`roles.${user.role}`)}
              </Text>
            </Box>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={500} c="var(--mantine-color-text)">
            {user.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.username} · {t(`roles.${user.role}`)}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function NavItem({ screen, onNavigate }: { screen: Screen; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active =
    screen.path === '/' || screen.exact ? pathname === screen.path : pathname.startsWith(screen.path);
  const Icon = screen.icon;
  return (
    <NavLink
      component={Link}
      to={screen.path}
      label={t(screen.label)}
      leftSection={<Icon size={18} stroke={1.6} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      style={{ borderRadius: 6 }}
    />
  );
}

/** A titled group of the menu (Stock, Catalogue, Settings); nothing when the role may use none of its screens. */
function NavSection({
  title,
  screens,
  onNavigate,
}: {
  title: string;
  screens: readonly Screen[];
  onNavigate: () => void;
}) {
  if (screens.length === 0) return null;
  return (
    <>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
        {title}
      </Text>
      {screens.map((s) => (
        <NavItem key={s.path} screen={s} onNavigate={onNavigate} />
      ))}
    </>
  );
}

/** The signed-in frame: header with company, language and user; a menu of the screens this role may use. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user, technicianId } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const company = useCompany().data;
  const settings = SETTINGS_SCREENS.filter((s) => canCall(user.role, s.needs));
  const catalog = CATALOG_SCREENS.filter((s) => canCall(user.role, s.needs));
  const frontOffice = FRONT_OFFICE_SCREENS.filter((s) => canCall(user.role, s.needs));
  const stock = STOCK_SCREENS.filter((s) => canCall(user.role, s.needs));
  const orders = ORDERS_SCREENS.filter(
    (s: Screen) => canCall(user.role, s.needs) && (!s.technicianOnly || technicianId !== null),
  );
  const reports = REPORT_SCREENS.filter((s) => canCall(user.role, s.needs));
  const sales = SALES_SCREENS.filter((s) => canCall(user.role, s.needs));

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }} aria-label="Servix">
              <Brand />
            </Link>
            {company && (
              <>
                <Divider orientation="vertical" visibleFrom="xs" />
                <Text size="sm" c="dimmed" truncate visibleFrom="xs" data-testid="header-company">
                  {company.legalName}
                </Text>
              </>
            )}
          </Group>
          <GlobalSearch />
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea type="auto">
          <NavItem screen={HOME} onNavigate={close} />
          {frontOffice.map((s) => (
            <NavItem key={s.path} screen={s} onNavigate={close} />
          ))}
          <NavSection title={t('orders.nav.section')} screens={orders} onNavigate={close} />
          <NavSection title={t('invoices.nav.section')} screens={sales} onNavigate={close} />
          <NavSection title={t('stock.nav.section')} screens={stock} onNavigate={close} />
          <NavSection title={t('reports.nav.section')} screens={reports} onNavigate={close} />
          <NavSection title={t('catalog.nav.section')} screens={catalog} onNavigate={close} />
          <NavSection title={t('nav.settings')} screens={settings} onNavigate={close} />
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        {company?.isDemo && <DemoBanner canLeave={canCall(user.role, 'POST /api/v1/setup/leave-demo')} />}
        {/* The menu stays while a screen's code downloads the first time it opens. */}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
