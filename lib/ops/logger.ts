import pino, { type DestinationStream, type Logger } from "pino";
import { z } from "zod";
import { scrubRecord, scrubText } from "./log-scrub";

const levelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * JSON lines on stdout, one object per event, for whatever collects container output. The level comes from
 * LOG_LEVEL (default info). The logger reads its own variable rather than the server configuration so that a
 * misconfigured instance can still say what is wrong.
 */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL): Logger {
  const parsedLevel = levelSchema.safeParse(level ?? "info");
  const logger = pino(
    {
      level: parsedLevel.success ? parsedLevel.data : "info",
      base: { service: "request-desk" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (record) => scrubRecord(record) as Record<string, unknown>,
      },
      hooks: {
        // The message string bypasses `formatters.log`; scrub it here too.
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)) as typeof args;
          return method.apply(this, scrubbed);
        },
      },
    },
    destination ?? pino.destination({ sync: false }),
  );
  if (!parsedLevel.success) logger.warn({ given: String(level) }, "LOG_LEVEL is not a pino level; logging at info");
  return logger;
}

let shared: Logger | undefined;

/** The process's logger, created on first use. */
export function appLogger(): Logger {
  shared ??= createLogger();
  return shared;
}
