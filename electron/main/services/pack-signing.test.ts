import { describe, expect, it } from 'vitest';
import { packWithXComfortUpdate } from '../../testing/pack-fixtures';
import { generateSigningKeys, signPackBytes, trustedKeyFromPem, verifySignedPack } from './pack-signing';

const keys = generateSigningKeys();
const trusted = [trustedKeyFromPem(keys.publicPem)];
const bytes = Buffer.from(JSON.stringify(packWithXComfortUpdate(true)), 'utf8');
const signed = signPackBytes(bytes, keys.privatePem);

describe('pack signatures', () => {
  it('round-trips: sign, then verify with the public key', () => {
    const outcome = verifySignedPack(JSON.stringify(signed), trusted);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.pack.revision).toBe(2);
  });

  it('fails for every flipped byte of a small pack’s payload', () => {
    const full = packWithXComfortUpdate(true);
    const small = Buffer.from(JSON.stringify({ ...full, guides: full.guides.slice(0, 1) }), 'utf8');
    const smallSigned = signPackBytes(small, keys.privatePem);
    expect(verifySignedPack(JSON.stringify(smallSigned), trusted).ok).toBe(true);
    const accepted: number[] = [];
    for (let i = 0; i < small.length; i += 1) {
      const copy = Buffer.from(small);
      copy[i] = (copy[i] ?? 0) ^ 0x01;
      const outcome = verifySignedPack(JSON.stringify({ ...smallSigned, payload: copy.toString('base64') }), trusted);
      if (outcome.ok || outcome.refusal !== 'tampered') accepted.push(i);
    }
    expect(small.length).toBeGreaterThan(1000);
    expect(accepted).toEqual([]);
  });

  it('fails for a flipped byte anywhere in the full pack (400 positions spread over the file)', () => {
    for (let n = 0; n < 400; n += 1) {
      const i = Math.floor((n * bytes.length) / 400);
      const copy = Buffer.from(bytes);
      copy[i] = (copy[i] ?? 0) ^ 0x20;
      expect(verifySignedPack(JSON.stringify({ ...signed, payload: copy.toString('base64') }), trusted)).toEqual({
        ok: false,
        refusal: 'tampered',
      });
    }
  });

  it('fails for any flipped byte of the signature', () => {
    const signature = Buffer.from(signed.signature, 'base64');
    for (let i = 0; i < signature.length; i += 1) {
      const copy = Buffer.from(signature);
      copy[i] = (copy[i] ?? 0) ^ 0x80;
      expect(verifySignedPack(JSON.stringify({ ...signed, signature: copy.toString('base64') }), trusted)).toEqual({
        ok: false,
        refusal: 'tampered',
      });
    }
  });

  it('refuses a foreign key, also when it claims a trusted key id', () => {
    const other = generateSigningKeys();
    const foreign = signPackBytes(bytes, other.privatePem);
    expect(verifySignedPack(JSON.stringify(foreign), trusted)).toEqual({ ok: false, refusal: 'foreign-key' });
    expect(verifySignedPack(JSON.stringify({ ...foreign, keyId: signed.keyId }), trusted)).toEqual({ ok: false, refusal: 'tampered' });
  });

  it('refuses unsigned, unreadable and oversized files', () => {
    expect(verifySignedPack(bytes.toString('utf8'), trusted)).toEqual({ ok: false, refusal: 'unsigned' });
    expect(verifySignedPack(JSON.stringify({ ...signed, signature: undefined }), trusted)).toEqual({ ok: false, refusal: 'unsigned' });
    expect(verifySignedPack('kein JSON', trusted)).toEqual({ ok: false, refusal: 'unreadable' });
    expect(verifySignedPack('[1,2]', trusted)).toEqual({ ok: false, refusal: 'unreadable' });
    expect(verifySignedPack(' '.repeat(2 * 1024 * 1024 + 1), trusted)).toEqual({ ok: false, refusal: 'too-large' });
  });

  it('refuses a correctly signed pack that fails the schema, naming the JSON path', () => {
    const broken = { ...packWithXComfortUpdate(true), revision: 0 };
    const outcome = verifySignedPack(JSON.stringify(signPackBytes(Buffer.from(JSON.stringify(broken)), keys.privatePem)), trusted);
    expect(outcome).toEqual({ ok: false, refusal: 'invalid', issues: [{ code: 'number-too-small', path: '$.revision', limit: 1 }] });
  });

  it('names issues by code, never by zod’s own words, and a payload that is not JSON as such', () => {
    const broken = packWithXComfortUpdate(true) as unknown as { guides: Record<string, unknown>[] };
    broken.guides[1] = { ...broken.guides[1], minutes: 1.5, extra: 1 };
    const outcome = verifySignedPack(JSON.stringify(signPackBytes(Buffer.from(JSON.stringify(broken)), keys.privatePem)), trusted);
    expect(outcome).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [
        { code: 'wrong-type', path: '$.guides[1].minutes', guideId: 'pvs-medatixx', expected: 'whole-number' },
        { code: 'unknown-field', path: '$.guides[1]', guideId: 'pvs-medatixx', fields: ['extra'] },
      ],
    });
    const notJson = verifySignedPack(JSON.stringify(signPackBytes(Buffer.from('{ kaputt'), keys.privatePem)), trusted);
    expect(notJson).toEqual({ ok: false, refusal: 'invalid', issues: [{ code: 'not-json', path: '$' }] });
  });

  it('reads the signed pack only as UTF-8: one signed as Windows-1252 is not read with U+FFFD in place of its umlauts', () => {
    // Only Latin-1 characters, one byte each as an editor saves them in Windows-1252; umlauts are where it differs from UTF-8.
    const text = JSON.stringify(packWithXComfortUpdate(true)).replace(/[^\u0020-\u00ff]/g, '-');
    expect(text).toMatch(/[äöüß]/);
    expect(verifySignedPack(JSON.stringify(signPackBytes(Buffer.from(text, 'utf8'), keys.privatePem)), trusted).ok).toBe(true);
    const ansi = verifySignedPack(JSON.stringify(signPackBytes(Buffer.from(text, 'latin1'), keys.privatePem)), trusted);
    expect(ansi).toEqual({ ok: false, refusal: 'invalid', issues: [{ code: 'not-json', path: '$' }] });
  });
});
