/**
 * Structured JSON logs (pino). Log lines carry ids, counts and outcomes only: never the text of a
 * chat message, a card input or an error body that could echo one.
 */
import pino, { DestinationStream, Logger } from 'pino';

export type { Logger } from 'pino';

/** Creates the process logger; tests pass their own destination to read what was logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'vuoro' },
      // A last guard: these keys never carry client text, even if someone logs a whole object.
      redact: { paths: ['text', '*.text', 'value', '*.value', 'body', '*.body', 'attachments', '*.attachments'], censor: '[removed]' },
    },
    destination,
  );
}

/** The safe summary of an error: its class and status, never its message (it may echo input). */
export function errorFields(err: unknown): Record<string, string | number> {
  const e = err as { name?: unknown; statusCode?: unknown; code?: unknown };
  const fields: Record<string, string | number> = { error: typeof e?.name === 'string' ? e.name : typeof err };
  if (typeof e?.statusCode === 'number') fields.status = e.statusCode;
  if (typeof e?.code === 'string' || typeof e?.code === 'number') fields.code = e.code;
  return fields;
}
