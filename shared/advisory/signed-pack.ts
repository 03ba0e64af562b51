import { z } from 'zod';
import { PACK_ISSUE_CODES, PACK_VALUE_TYPES } from '../domain/constants';
import type { PackIssue } from './issue-text';

export { MAX_PACK_BYTES, PACK_ISSUE_CODES, PACK_REFUSALS, type PackIssueCode, type PackRefusal } from '../domain/constants';

export const SIGNED_PACK_FORMAT = 'passwort-lotse-signed-pack/1';

/**
 * A signed pack as it travels on a USB stick: the pack's exact bytes (base64) and an Ed25519 signature over them.
 *
 * `keyId` names the signing key (first 16 hex digits of the SHA-256 of its public key, DER/SPKI).
 */
export const signedPackSchema = z
  .object({
    format: z.literal(SIGNED_PACK_FORMAT),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    signature: z
      .string()
      .regex(/^[A-Za-z0-9+/]+={0,2}$/)
      .max(200),
    payload: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();
export type SignedPack = z.infer<typeof signedPackSchema>;

/** A pack issue as it crosses IPC (see `PackIssue`); the texts come from the file, so their length is bounded. */
export const packIssueSchema = z.object({
  code: z.enum(PACK_ISSUE_CODES),
  path: z.string().max(300),
  guideId: z.string().max(100).optional(),
  title: z
    .object({ de: z.string().max(300), en: z.string().max(300).optional() })
    .strict()
    .optional(),
  version: z.string().max(40).optional(),
  previousVersion: z.string().max(40).optional(),
  limit: z.number().optional(),
  expected: z.enum(PACK_VALUE_TYPES).optional(),
  fields: z.array(z.string().max(100)).max(10).optional(),
});
/** The schema and the interface describe the same thing. */
export const packIssueSchemaMatches: [z.infer<typeof packIssueSchema>, PackIssue] extends [PackIssue, z.infer<typeof packIssueSchema>]
  ? true
  : false = true;
