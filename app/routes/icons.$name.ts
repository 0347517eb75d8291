// /icons/icon-192.png, /icons/icon-512.png, /icons/maskable-512.png: the installed app's icons.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { appIconPng, isAppIcon } from "~/models/app/app-icon.server";

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isAppIcon(params.name)) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(await appIconPng(params.name)), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" },
  });
}
