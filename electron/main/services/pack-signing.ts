import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { PackIssue } from '../../../shared/advisory/issue-text';
import { jsonPath, packIssues } from '../../../shared/advisory/pack-issues';
import { packSchema, type Pack } from '../../../shared/advisory/pack-schema';
import { decodeUtf8 } from '../../../shared/format/utf8';
import {
  MAX_PACK_BYTES,
  SIGNED_PACK_FORMAT,
  signedPackSchema,
  type PackRefusal,
  type SignedPack,
} from '../../../shared/advisory/signed-pack';

export interface TrustedKey {
  keyId: string;
  key: KeyObject;
}

/** First 16 hex digits of the SHA-256 of the public key (DER/SPKI): short, stable, printable. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function trustedKeyFromPem(pem: string): TrustedKey {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('trusted keys must be Ed25519');
  return { keyId: keyIdOf(key), key };
}

export function generateSigningKeys(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

/** Sign the exact bytes of a pack file with an Ed25519 private key (node:crypto, no other library). */
export function signPackBytes(packBytes: Buffer, privatePem: string): SignedPack {
  const privateKey = createPrivateKey(privatePem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be Ed25519');
  const signature = sign(null, packBytes, privateKey).toString('base64');
  return { format: SIGNED_PACK_FORMAT, keyId: keyIdOf(createPublicKey(privateKey)), signature, payload: packBytes.toString('base64') };
}

export type VerifyOutcome = { ok: true; pack: Pack; keyId: string } | { ok: false; refusal: PackRefusal; issues?: PackIssue[] };

export { jsonPath };

/** At most this many issues are handed on; a pack with more is broken throughout anyway. */
export const MAX_ISSUES = 20;

/**
 * Verify a signed pack file against the trusted keys and validate its content. Never throws.
 *
 * Order: size, envelope, known key, signature, then the pack's schema; the first failure is the answer.
 */
export function verifySignedPack(content: string, trusted: readonly TrustedKey[]): VerifyOutcome {
  if (Buffer.byteLength(content, 'utf8') > MAX_PACK_BYTES) return { ok: false, refusal: 'too-large' };
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return { ok: false, refusal: 'unreadable' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, refusal: 'unreadable' };
  const record = raw as Record<string, unknown>;
  if (!('signature' in record) || !('payload' in record)) {
    // A bare pack, or an envelope without its signature.
    return { ok: false, refusal: 'guides' in record || 'format' in record || 'payload' in record ? 'unsigned' : 'unreadable' };
  }
  const envelope = signedPackSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, refusal: 'unreadable' };
  const key = trusted.find((candidate) => candidate.keyId === envelope.data.keyId);
  if (!key) return { ok: false, refusal: 'foreign-key' };
  const bytes = Buffer.from(envelope.data.payload, 'base64');
  const signature = Buffer.from(envelope.data.signature, 'base64');
  let valid: boolean;
  try {
    valid = verify(null, bytes, key.key, signature);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, refusal: 'tampered' };
  const notJson: VerifyOutcome = { ok: false, refusal: 'invalid', issues: [{ code: 'not-json', path: '$' }] };
  // Strictly UTF-8, as JSON is: a payload signed as Windows-1252 is not read with U+FFFD in place of its umlauts.
  const text = decodeUtf8(bytes);
  if (text === undefined) return notJson;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return notJson;
  }
  const parsed = packSchema.safeParse(json);
  if (!parsed.success) return { ok: false, refusal: 'invalid', issues: packIssues(parsed.error.issues.slice(0, MAX_ISSUES), json) };
  return { ok: true, pack: parsed.data, keyId: key.keyId };
}
