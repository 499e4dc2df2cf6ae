import type { Me } from '@servix/server/modules/auth/auth.schema';
import { useRef } from 'react';
import { useMe } from '../api/session';

/**
 * The signed-in user on screens behind the sign-in (RequireAuth guarantees one). When the session ends
 * (sign-out, expiry) these screens keep the last user for the moment until RequireAuth takes them away.
 */
export function useSession(): Me {
  const { data } = useMe(false);
  const last = useRef(data);
  if (data) last.current = data;
  if (!last.current) throw new Error('useSession is used outside a signed-in screen');
  return last.current;
}
