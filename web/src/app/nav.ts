import {
  type Icon,
  IconBuilding,
  IconHistory,
  IconHome,
  IconKey,
  IconListNumbers,
  IconUsers,
} from '@tabler/icons-react';
import type { Route } from './access';

export interface Screen {
  path: string;
  label: 'nav.home' | 'nav.company' | 'nav.numbering' | 'nav.users' | 'nav.apiTokens' | 'nav.audit';
  icon: Icon;
  /** The API call the screen cannot work without: a role that may not make it does not see the screen. */
  needs: Route;
}

export const HOME: Screen = { path: '/', label: 'nav.home', icon: IconHome, needs: 'GET /api/v1/auth/me' };

/** The screens under Settings, in menu order. */
export const SETTINGS_SCREENS = [
  { path: '/settings/company', label: 'nav.company', icon: IconBuilding, needs: 'GET /api/v1/company' },
  {
    path: '/settings/numbering',
    label: 'nav.numbering',
    icon: IconListNumbers,
    needs: 'GET /api/v1/numbering-series',
  },
  { path: '/settings/users', label: 'nav.users', icon: IconUsers, needs: 'GET /api/v1/users' },
  { path: '/settings/api-tokens', label: 'nav.apiTokens', icon: IconKey, needs: 'GET /api/v1/api-tokens' },
  { path: '/settings/audit', label: 'nav.audit', icon: IconHistory, needs: 'GET /api/v1/audit' },
] as const satisfies readonly Screen[];

export type SettingsPath = (typeof SETTINGS_SCREENS)[number]['path'];
