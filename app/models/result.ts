// Expected failures are values; bugs are throws.
export type Ok<T> = { ok: true } & T;
export type Fail = { ok: false; status: number; message: string; fields?: Partial<Record<string, string>> };
export type Result<T> = Ok<T> | Fail;

export const ok = <T extends object>(value: T): Ok<T> => ({ ok: true, ...value });
export const fail = (status: number, message: string, fields?: Partial<Record<string, string>>): Fail => ({
  ok: false,
  status,
  message,
  fields,
});
