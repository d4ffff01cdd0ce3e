/** One structured logger (pino, JSON lines on stderr); level from LOG_LEVEL. */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'diplograph' } }, pino.destination(2));
}
