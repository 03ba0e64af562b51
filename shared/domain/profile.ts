import { z } from 'zod';
import { CONNECTOR_MODELS, PORTALS, PRODUCTS, REMOTE_TOOLS } from './constants';

export { CONNECTOR_MODELS, PORTALS, PRODUCTS, REMOTE_TOOLS } from './constants';

export const productSchema = z.enum(PRODUCTS);
export type Product = z.infer<typeof productSchema>;

const triState = z.enum(['yes', 'no', 'unsure']);
export type TriState = z.infer<typeof triState>;

/** Item ids: main replaces a new item's id with one derived from its name (`item-ids.ts`); a kept item keeps its id. */
const itemId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** Names typed by a person: trimmed, without control characters. */
const typedLabel = z
  .string()
  .max(60)
  .refine((value) => !/\p{Cc}/u.test(value), { message: 'control-characters' })
  // The journal stores canonical JSON, which cannot hold an unpaired surrogate.
  .refine((value) => value.isWellFormed(), { message: 'lone-surrogate' })
  .transform((value) => value.trim());
const storedLabel = z.string().max(60);

function makeProfileSchema(label: z.ZodType<string, string>, name: z.ZodType<string, string>) {
  return z
    .object({
      completed: z.boolean(),
      products: z.array(productSchema).max(PRODUCTS.length),
      /** „Weiß nicht“ on the practice-software question: the software must first be found out. */
      productsUnsure: z.boolean().optional(),
      connector: triState,
      connectorModel: z.enum(CONNECTOR_MODELS),
      cardTerminals: z.array(z.object({ id: itemId, model: label }).strict()).max(100),
      computers: z.array(z.object({ id: itemId, name, server: z.boolean() }).strict()).max(400),
      windowsAccounts: z.enum(['personal', 'shared', 'unsure']),
      remoteTools: z.array(z.enum(REMOTE_TOOLS)).max(REMOTE_TOOLS.length),
      firewall: triState,
      securitySystem: triState,
      portals: z.array(z.enum(PORTALS)).max(PORTALS.length),
    })
    .strict();
}

/** The profile as stored (plain JSON schema, no transforms). */
export const profileSchema = makeProfileSchema(storedLabel, storedLabel);
export type Profile = z.infer<typeof profileSchema>;

/** The profile as the renderer sends it: names trimmed, no duplicates, every computer named. */
export const profileInputSchema = makeProfileSchema(typedLabel, typedLabel.pipe(z.string().min(1)))
  .refine((p) => new Set(p.products).size === p.products.length, { message: 'duplicate-product' })
  .refine((p) => new Set(p.computers.map((c) => c.id)).size === p.computers.length, { message: 'duplicate-id' })
  .refine((p) => new Set(p.cardTerminals.map((c) => c.id)).size === p.cardTerminals.length, { message: 'duplicate-id' })
  .refine((p) => new Set(p.remoteTools).size === p.remoteTools.length, { message: 'duplicate-tool' })
  .refine((p) => new Set(p.portals).size === p.portals.length, { message: 'duplicate-portal' });
export type ProfileInput = z.input<typeof profileInputSchema>;

export function defaultProfile(): Profile {
  return {
    completed: false,
    products: [],
    connector: 'unsure',
    connectorModel: 'unknown',
    cardTerminals: [],
    computers: [],
    windowsAccounts: 'unsure',
    remoteTools: [],
    firewall: 'unsure',
    securitySystem: 'unsure',
    portals: [],
  };
}
