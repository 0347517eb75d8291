// The demo accounts' two-factor secret (README, "Demo accounts"). Published on purpose: demo data only.
export const DEMO_TOTP_SECRET = "TOUCHPOINTSDEMOTOUCHPOINTSDEMO23";
