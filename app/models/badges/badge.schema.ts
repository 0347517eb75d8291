// Badge limits the admin pages show as well as enforce (browser-safe, for route components).
export const REVOKE_REASON_MAX = 500;
