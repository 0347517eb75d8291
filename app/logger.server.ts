import pino from "pino";
import { env } from "./env.server";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: undefined,
  redact: ["password", "*.password", "headers.cookie", "token"],
});

export function logLevel() {
  return env().LOG_LEVEL;
}
