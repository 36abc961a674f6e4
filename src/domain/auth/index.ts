export * from './auth.schema.ts';
export * from './organisations.schema.ts';
export * from './users.schema.ts';
export * from './tokens.schema.ts';
export {
  login,
  logout,
  logoutEverywhere,
  getMe,
  resolveSession,
  SESSION_COOKIE,
} from './auth.service.ts';
export {
  resolveApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from './tokens.service.ts';
export { createUser, listUsers, updateUser, resetUserTotp } from './users.service.ts';
export {
  createOrganisation,
  listOrganisations,
  getOwnOrganisation,
  updateOwnOrganisation,
  findOrganisationByRef,
} from './organisations.service.ts';
export { setupTotp, confirmTotp, disableTotp, clearTotp } from './totp.service.ts';
export { generatePassword, assertPasswordPolicy } from './passwords.ts';
export { authRoutes } from './auth.routes.ts';
export { usersRoutes } from './users.routes.ts';
export { organisationsRoutes } from './organisations.routes.ts';
export { tokensRoutes } from './tokens.routes.ts';
