// Expected failures are values; bugs are throws.
export type Ok<T> = { ok: true } & T;
/** `message` is an i18n key; `values` fill its placeholders (e.g. a limit and the time it lifts). */
export type Fail = {
  ok: false;
  status: number;
  message: string;
  fields?: Partial<Record<string, string>>;
  values?: Record<string, string | number>;
};
export type Result<T> = Ok<T> | Fail;

export const ok = <T extends object>(value: T): Ok<T> => ({ ok: true, ...value });
export const fail = (
  status: number,
  message: string,
  fields?: Partial<Record<string, string>>,
  values?: Record<string, string | number>,
): Fail => ({
  ok: false,
  status,
  message,
  fields,
  values,
});
