import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { maskPhone, redact } from './redact';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level?: string;
  /** Where JSON lines go; stdout by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
  base?: Record<string, unknown>;
}

/** Structured JSON logs with secrets redacted and phone numbers masked in fields and messages. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? { service: 'hotello' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (record) => redact(record) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskPhone(a) : a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    // Synchronous stdout: lines stay in the order they were logged, and none is lost when the
    // process exits right after a graceful stop.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
