/**
 * A telephone number as people write it: digits, spaces and + / - ( ) . only. Without zod, so the renderer checks a
 * field with the very rule main's schema applies (shared/preset/preset.ts).
 */
export const PHONE_PATTERN = /^[0-9+/()\-. ]*$/;
