// The root loader's data for the layout, components and routes: they import this, never root.tsx.
import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "../root";

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}
