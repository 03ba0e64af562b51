import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Plain values only: the logger never takes a request payload, a name typed by a user or a password. */
export type LogFields = Readonly<Record<string, string | number | boolean>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const MAX_BYTES = 1024 * 1024;

/**
 * A line-per-event log file in the user-data folder that an IT partner can send in.
 *
 * At 1 MiB the file is renamed to `.1` (one generation kept), so it never grows without bound.
 */
export function createFileLogger(file: string, now: () => Date = () => new Date()): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const write = (level: string, event: string, fields?: LogFields) => {
    const extra = fields
      ? Object.entries(fields)
          .map(([key, value]) => ` ${key}=${JSON.stringify(value)}`)
          .join('')
      : '';
    const line = `${now().toISOString()} ${level} ${event}${extra}\n`;
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, line, 'utf8');
    } catch {
      // A log that cannot be written must never stop the app.
    }
  };
  return {
    info: (event, fields) => write('INFO', event, fields),
    warn: (event, fields) => write('WARN', event, fields),
    error: (event, fields) => write('ERROR', event, fields),
  };
}

/** A logger that keeps its lines in memory, for tests. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (event: string, fields?: LogFields) => {
    lines.push(`${level} ${event} ${fields ? JSON.stringify(fields) : ''}`.trim());
  };
  return { lines, info: push('INFO'), warn: push('WARN'), error: push('ERROR') };
}
