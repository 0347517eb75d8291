/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
export {};

declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    clientIp: string;
    /** this response's Content-Security-Policy nonce (scripts/server/security-headers.ts) */
    cspNonce: string;
  }
}
