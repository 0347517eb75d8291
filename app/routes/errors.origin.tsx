import { data } from "@remix-run/node";

// The server rewrites a POST with a foreign or missing Origin to this page (403).
export async function loader() {
  throw data("origin", { status: 403 });
}

export default function OriginRefused() {
  return null;
}
