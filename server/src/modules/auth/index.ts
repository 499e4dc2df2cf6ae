/**
 * The auth module seen from the rest of the server: users, roles, sessions and API tokens (tables app_user,
 * user_session, api_token, login_attempt, login_throttle). Other modules read a user through findUserSummary and
 * listAllUsers, never through the repository.
 */
export { authRoutes, setSessionCookie, withRetryAfter } from './auth.routes';
export { Me, type Role } from './auth.schema';
export { seedAuthDemo } from './auth.seed';
export {
  createUser,
  findUserSummary,
  listAllUsers,
  login,
  meOf,
  purgeExpiredAuthData,
  resolveApiToken,
  resolveSession,
} from './auth.service';
