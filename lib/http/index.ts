export { route, errorResponse, describeIssues } from './route';
export type { RouteContext, RouteOptions } from './route';
export { ApiError, isApiErrorSource, errorBody } from './api-error';
export type { ApiErrorInfo, ApiErrorSource, ApiErrorBody } from './api-error';
export { checkAccess, hasCredentials } from './access';
export type { AccessConfig } from './access';
export { ROLES, roleAllows } from './identity';
export type { Identity, Role } from './identity';
