import { createHash } from 'node:crypto';

/**
 * A forger's tool for tests: journal lines whose hashes and links verify but whose content the app would never
 * write. The chain has no secret key, so anybody can make such lines; what they carry must be checked like any
 * other hostile input.
 */

/** Sorted-key JSON like the journal's RFC 8785 lines for the values events hold, but lone surrogates pass. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ForgedDraft {
  kind: string;
  at: string;
  data: unknown;
  by?: string;
  os?: string;
  v?: number;
}

/** Lines of installation `installationId` from the first (seq 1), each linked to the one before. */
export function forgeChain(installationId: string, drafts: readonly ForgedDraft[]): string[] {
  let prev = '';
  return drafts.map((draft, index) => {
    const body = {
      v: draft.v ?? 1,
      inst: installationId,
      seq: index + 1,
      at: draft.at,
      by: draft.by ?? 'Mallory',
      os: draft.os ?? 'PRAXIS\\mallory',
      kind: draft.kind,
      data: draft.data,
      prev,
    };
    const hash = createHash('sha256').update(canonical(body), 'utf8').digest('hex');
    prev = hash;
    return canonical({ ...body, hash });
  });
}
