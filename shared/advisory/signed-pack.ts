import { z } from 'zod';

export { MAX_PACK_BYTES, PACK_REFUSALS, type PackRefusal } from '../domain/constants';

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
