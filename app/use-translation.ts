// useTranslation without react-i18next's per-call wrapper (Object.getOwnPropertyDescriptors of the
// whole i18next instance on every first render, i.e. on every server render): the language of a
// page never changes after it is rendered here, so the context's instance is enough.
import { useContext } from "react";
import { I18nContext } from "react-i18next";
import type { i18n as I18n, TFunction } from "i18next";

// i18next's t() costs ~10 µs (nesting, plurals, interpolation); a topic page calls it a few hundred
// times with the same handful of keys and values. For a given instance (one per language, fixed
// resources) the answer depends only on the key and primitive options, so it is remembered.
const MAX_ENTRIES = 20_000;
const memo = new WeakMap<I18n, TFunction>();

function memoised(i18n: I18n): TFunction {
  let fast = memo.get(i18n);
  if (fast) return fast;
  const cache = new Map<string, unknown>();
  const t = i18n.t.bind(i18n) as unknown as (...args: unknown[]) => unknown;
  fast = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
    if (typeof key !== "string" || rest.length || !cacheable(options)) return t(key, options, ...rest);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let value = cache.get(id);
    if (value === undefined) {
      value = t(key, options);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(id, value);
    }
    return value;
  }) as unknown as TFunction;
  memo.set(i18n, fast);
  return fast;
}

/** Options made only of strings, numbers and booleans (no objects, no returnObjects) can be cached. */
function cacheable(options: unknown): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null) return false;
  for (const [k, v] of Object.entries(options)) {
    if (k === "returnObjects" || k === "lng" || k === "postProcess") return false;
    const type = typeof v;
    if (type !== "string" && type !== "number" && type !== "boolean" && v !== undefined && v !== null) return false;
  }
  return true;
}

export function useTranslation() {
  const { i18n } = useContext(I18nContext);
  return { t: memoised(i18n), i18n };
}
