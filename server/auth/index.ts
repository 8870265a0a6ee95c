export { ConsoleAuth, authOf, type AuthContext, type ConsoleAuthOptions } from './console-auth';
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './passwords';
export { SESSION_COOKIE, SessionManager, readCookie, tokenHash } from './sessions';
export { LoginThrottle, type ThrottleOptions } from './throttle';
export { createUser, ensureDemoUsers, DEMO_USERS, NEW_USER_SCHEMA, type NewUserInput } from './users';
