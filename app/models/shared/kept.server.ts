// Small tables read on every page (categories, tag names): kept in this process for a moment instead of a
// round trip per request. Writes through this process clear them; other processes see a change within the TTL.

export type Kept<T> = { get(): Promise<T>; clear(): void };

export function keptFor<T>(ttlMs: number, load: () => Promise<T>): Kept<T> {
  let kept: { at: number; value: Promise<T> } | undefined;
  return {
    get() {
      if (!kept || Date.now() - kept.at >= ttlMs) {
        // the promise is kept, so requests arriving during the load share it
        const value = load();
        const entry = { at: Date.now(), value };
        kept = entry;
        value.catch(() => {
          if (kept === entry) kept = undefined;
        });
      }
      return kept.value;
    },
    clear() {
      kept = undefined;
    },
  };
}
