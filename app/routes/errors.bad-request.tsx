import { data } from "@remix-run/node";

// The server rewrites a request whose address no page can have (a NUL character) to this page (400).
export async function loader() {
  throw data("bad-request", { status: 400 });
}

export default function BadRequest() {
  return null;
}
