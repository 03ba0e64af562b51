/**
 * IPC fuzzing: every channel of the contract gets a few hundred random and boundary payloads through the router,
 * as a compromised or buggy renderer could send them, and calls from senders that are not the app's own page.
 *
 * For every call: it resolves (never throws), answers with exactly the typed outcome this channel allows for that
 * kind of payload, main keeps answering (a valid getState from the app still works), no prototype was polluted,
 * the in-memory state is unchanged, and every file in the user-data folder (journal, settings, installed pack;
 * not the logs) is byte-for-byte what it was.
 *
 * Payloads are generated as small recipes (`Recipe`) and built only for the call, so a failure prints a short
 * description ("a string of 3,000,000 × 'ä'", "5,000 nested arrays") instead of megabytes. Each property has a
 * fixed seed (fast-check prints it with the counterexample); `endOnFailure` keeps the first counterexample, because
 * shrinking against a practice that the failing call already changed would only find misleading ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AREAS,
  CONNECTOR_MODELS,
  MAX_PACK_BYTES,
  MAX_RECORD_EXPORT_BYTES,
  PORTALS,
  PRODUCTS,
  REMOTE_TOOLS,
  USER_STATUSES,
} from '../../../shared/domain/constants';
import { defaultProfile } from '../../../shared/domain/profile';
import { invokeChannels, type ApiMethod } from '../../../shared/ipc/channels';
import { PROTOCOL_PAGE_MAX } from '../../../shared/ipc/contract';
import { ipcFailure, type IpcErrorCode, type IpcResult } from '../../../shared/ipc/result';
import { bundledPack, packWithXComfortUpdate, signPack } from '../../testing/pack-fixtures';
import { generateSigningKeys, signPackBytes, trustedKeyFromPem } from '../services/pack-signing';
import { appSender, startTestServices } from '../../testing/test-support';
import type { SenderInfo } from './router';

// ---------------------------------------------------------------------------------------------------------------
// Run counts. Every count below is what fast-check runs exactly (numRuns + examples), so the test names can say it.

const MALFORMED_RUNS = 250;
const WELL_FORMED_RUNS = 100;
const SENDER_RUNS = 60;
const TIMEOUT = 60_000;

/** A stable 32-bit seed per property, so every run of this file tries the same payloads. */
function seedOf(label: string): number {
  let hash = 2166136261;
  for (let i = 0; i < label.length; i += 1) hash = Math.imul(hash ^ label.charCodeAt(i), 16777619);
  return hash | 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Recipes: small descriptions of payload parts, built only when the call is made.

type Recipe =
  /** A small value, as is. */
  | { v: unknown }
  /** `unit` repeated `text` times: with a unit of one code point, a string of `text` code points (what zod counts). */
  | { text: number; unit: string }
  /** `depth` nested arrays, or objects with one own key (`__proto__` included) each. */
  | { depth: number; nest: 'array' | 'object'; key: string }
  /** JSON text nested `deepJson` levels deep. */
  | { deepJson: number; nest: 'array' | 'object' }
  /** JSON.parse of this text: how own `__proto__` / `constructor` / `prototype` keys arrive from a deserializer. */
  | { json: string }
  /** An array of these parts. */
  | { items: Recipe[] }
  /** An object with these own keys (Object.fromEntries defines `__proto__` as an own key too). */
  | { entries: [string, Recipe][] }
  /** `many` copies of an item; with `uniqueId`, each copy's `id` gets a suffix. */
  | { many: number; item: Recipe; uniqueId?: boolean }
  /** The built string (JSON) as the payload of a pack envelope signed with a trusted test key. */
  | { signed: Recipe }
  /** A named sample built once (signed packs, exports) or a value of the practice under test (staged ids). */
  | { ref: string };

type Kind = 'string' | 'number' | 'boolean' | 'bigint' | 'undefined' | 'null' | 'array' | 'object';

function kindOfValue(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'function' || type === 'symbol' ? 'object' : type;
}

function kindOf(recipe: Recipe): Kind {
  if ('v' in recipe) return kindOfValue(recipe.v);
  if ('json' in recipe) return kindOfValue(JSON.parse(recipe.json));
  if ('depth' in recipe) return recipe.nest === 'array' ? 'array' : 'object';
  if ('items' in recipe || 'many' in recipe) return 'array';
  if ('entries' in recipe) return 'object';
  return 'string';
}

const deepJsonText = (depth: number, nest: 'array' | 'object') =>
  nest === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '0' + '}'.repeat(depth);

const SIGNING = generateSigningKeys();
const TRUSTED = [trustedKeyFromPem(SIGNING.publicPem)];
const signText = (payload: string) => JSON.stringify(signPackBytes(Buffer.from(payload, 'utf8'), SIGNING.privatePem));

type Refs = Readonly<Record<string, () => unknown>>;

function build(recipe: Recipe, refs: Refs): unknown {
  if ('v' in recipe) return recipe.v;
  if ('text' in recipe) return recipe.unit.repeat(recipe.text);
  if ('depth' in recipe) {
    let value: unknown = 0;
    for (let i = 0; i < recipe.depth; i += 1) value = recipe.nest === 'array' ? [value] : Object.fromEntries([[recipe.key, value]]);
    return value;
  }
  if ('deepJson' in recipe) return deepJsonText(recipe.deepJson, recipe.nest);
  if ('json' in recipe) return JSON.parse(recipe.json);
  if ('items' in recipe) return recipe.items.map((item) => build(item, refs));
  if ('entries' in recipe) return Object.fromEntries(recipe.entries.map(([key, value]) => [key, build(value, refs)]));
  if ('many' in recipe) {
    return Array.from({ length: recipe.many }, (_, i) => {
      const item = build(recipe.item, refs);
      return recipe.uniqueId ? { ...(item as Record<string, unknown>), id: `${String((item as { id?: unknown }).id)}-${i}` } : item;
    });
  }
  if ('signed' in recipe) return signText(String(build(recipe.signed, refs)));
  const make = refs[recipe.ref];
  if (!make) throw new Error(`no sample named ${recipe.ref}`);
  return make();
}

const v = (value: unknown): Recipe => ({ v: value });
const obj = (fields: Record<string, Recipe | undefined>): Recipe => ({
  entries: Object.entries(fields).filter((entry): entry is [string, Recipe] => entry[1] !== undefined),
});
const entriesOf = (base: Record<string, unknown>): [string, Recipe][] => Object.entries(base).map(([key, value]) => [key, v(value)]);

// ---------------------------------------------------------------------------------------------------------------
// Values of every kind.

/** Any UTF-16 unit, lone surrogates and control characters included. */
const unit16 = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD800b', '\uDC00\uD800', 'Praxis \uD83D'];
const CONTROL_CHARACTERS = ['a\u0000b', '\u001b[31mrot', 'Zeile\nZeile', 'Tab\there', '\u007f', '\r'];
const SPECIAL_NUMBERS = [NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 2 ** 53 + 2, Number.MIN_VALUE, Number.MAX_VALUE];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'];
const HOSTILE_JSON = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":null}',
  '{"__proto__":{"taskId":"team-briefing","status":"done","userName":"X","language":"en"}}',
  '{"a":{"__proto__":{"polluted":"yes"}}}',
  '[{"__proto__":{"polluted":"yes"}}]',
];

const smallValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, '', ' ', ...SPECIAL_NUMBERS, ...LONE_SURROGATES, ...CONTROL_CHARACTERS),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.string({ unit: unit16, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
  }),
);

/** Megabytes of text: up to 4,000,000 code points, or 3 MB of a JSON fragment. */
const hugeText: fc.Arbitrary<Recipe> = fc.oneof(
  fc.record({ text: fc.integer({ min: 100_000, max: 4_000_000 }), unit: fc.constantFrom('x', 'ä', '😀', '\uD800', ' ', '\u0000') }),
  fc.record({ text: fc.integer({ min: 10_000, max: 250_000 }), unit: fc.constant('{"__proto__":') }),
);

const deepValue: fc.Arbitrary<Recipe> = fc.record({
  depth: fc.integer({ min: 1_000, max: 20_000 }),
  nest: fc.constantFrom<'array' | 'object'>('array', 'object'),
  key: fc.constantFrom('a', '__proto__', 'constructor', 'taskId', 'content'),
});

const hostileValue: fc.Arbitrary<Recipe> = fc.oneof(
  fc.constantFrom(...HOSTILE_JSON).map((json) => ({ json })),
  fc
    .tuple(fc.constantFrom(...HOSTILE_KEYS), fc.jsonValue({ maxDepth: 2 }))
    .map(([key, value]) => ({ json: `{${JSON.stringify(key)}:${JSON.stringify(value)}}` })),
);

const anyValue: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 8, arbitrary: smallValue.map(v) },
  { weight: 1, arbitrary: hugeText },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: hostileValue },
);

const anyBut = (...kinds: Kind[]) => anyValue.filter((recipe) => !kinds.includes(kindOf(recipe)));

/** A value that is no object, or an object no strict schema of the contract accepts (hostile or deep). */
const notAnObject = anyValue.filter((recipe) => !('v' in recipe) || kindOf(recipe) !== 'object');

/** Strings of up to `max` units: random UTF-16 (lone surrogates included), names of prototype members, the longest. */
/** Text the journal can hold: no control characters, no unpaired surrogates (what the contract accepts). */
function printableText(min: number, max: number): fc.Arbitrary<Recipe> {
  const printable = (text: string) => text.isWellFormed() && !/\p{Cc}/u.test(text);
  return anyText(min, max).filter((recipe) =>
    'v' in recipe ? typeof recipe.v !== 'string' || printable(recipe.v) : 'unit' in recipe ? printable(recipe.unit) : true,
  );
}

function anyText(min: number, max: number): fc.Arbitrary<Recipe> {
  const short = Math.min(max, 40);
  return fc.oneof(
    fc.string({ unit: unit16, minLength: min, maxLength: short }).map(v),
    fc.string({ unit: 'binary', minLength: min, maxLength: Math.floor(short / 2) }).map(v),
    fc
      .constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'toString',
        'hasOwnProperty',
        ' ',
        '../../etc/passwd',
        '%00',
        ...LONE_SURROGATES,
      )
      .filter((text) => text.length >= min && text.length <= max)
      .map(v),
    fc.constantFrom('x', 'ä', '😀', '\uD800').map((unit) => ({ text: max, unit })),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Fields: what makes each kind of field invalid.

interface Field {
  optional?: boolean;
  /** Values that make the field invalid (never undefined: a missing field is tried separately). */
  bad: fc.Arbitrary<Recipe>;
  /** The edge cases tried on every run of this file, before the random ones. */
  boundary: Recipe[];
}

interface Shape {
  /** A valid object of this shape, the starting point of every mutation. */
  base: Record<string, unknown>;
  fields: Record<string, Field>;
  /** An empty object is refused (settings patch). */
  nonEmpty?: boolean;
}

/**
 * Longer than `max` code points (zod 4 counts code points, so 😀 is one): one longer, a little longer, or megabytes
 * longer. Past the content fields' bounds of millions of characters only ASCII, to keep memory in check.
 */
function tooLong(max: number): fc.Arbitrary<Recipe> {
  return fc.record({
    text: fc.oneof(fc.integer({ min: max + 1, max: max + 64 }), fc.integer({ min: max + 1, max: Math.max(max + 1, 4_000_000) })),
    unit: max > 1_000_000 ? fc.constant('x') : fc.constantFrom('x', 'ä', '😀', '\uD800', ' '),
  });
}

/**
 * Free text of at most `max` code points; `display`: no control characters, no lone surrogates; `label`: no \p{Cc}.
 * Strings over a bound of millions (the file contents) cost tens of megabytes each: they are tried now and then.
 */
function text(max: number, options: { min?: number; optional?: boolean; display?: boolean; label?: boolean } = {}): Field {
  const { min = 0, optional = false, display = false, label = false } = options;
  const bad: fc.Arbitrary<Recipe>[] = [
    anyBut('string', 'undefined'),
    max > 1_000_000
      ? fc.oneof({ weight: 5, arbitrary: anyBut('string', 'undefined') }, { weight: 1, arbitrary: tooLong(max) })
      : tooLong(max),
  ];
  const boundary: Recipe[] = [{ text: max + 1, unit: 'x' }, v(null), v(42), v(['x']), { depth: 1_000, nest: 'array', key: 'a' }];
  if (min > 0) {
    bad.push(fc.constant(v('')));
    boundary.push(v(''));
  }
  if (display || label) {
    const controls = display ? CONTROL_CHARACTERS : [...CONTROL_CHARACTERS, 'C1\u0085'];
    bad.push(fc.constantFrom(...controls).map(v));
    boundary.push(v('a\u0000b'));
  }
  if (display) {
    bad.push(fc.constantFrom(...LONE_SURROGATES).map(v));
    boundary.push(v('\uD800'));
  }
  if (label && min > 0) {
    // A name that is only blanks is empty once trimmed.
    bad.push(fc.constantFrom(' ', '   ', '\u00a0\u2003').map(v));
    boundary.push(v('   '));
  }
  return { optional, bad: fc.oneof(...bad), boundary };
}

/** One of a fixed list of words. */
function choice(values: readonly string[], options: { optional?: boolean; alsoBad?: string[] } = {}): Field {
  const first = values[0] ?? '';
  const notListed = (word: string) => !values.includes(word);
  return {
    optional: options.optional ?? false,
    bad: fc.oneof(
      anyBut('string', 'undefined'),
      fc.string({ unit: unit16, maxLength: 20 }).filter(notListed).map(v),
      fc
        .constantFrom(...values)
        .chain((word) => fc.constantFrom(word.toUpperCase(), ` ${word}`, `${word} `, `${word}\u0000`, `${word}\uD800`))
        .filter(notListed)
        .map(v),
      ...(options.alsoBad?.length ? [fc.constantFrom(...options.alsoBad).map(v)] : []),
      tooLong(100),
    ),
    boundary: [v(''), v(first.toUpperCase()), v(`${first} `), v(null), ...(options.alsoBad ?? []).map(v)],
  };
}

function flag(options: { optional?: boolean } = {}): Field {
  return {
    optional: options.optional ?? false,
    bad: fc.oneof(anyBut('boolean', 'undefined'), fc.constantFrom<unknown>('true', 'false', 0, 1, null, NaN).map(v)),
    boundary: [v('true'), v(0), v(1), v(null)],
  };
}

function integer(min: number, max: number, options: { optional?: boolean } = {}): Field {
  const edges = [NaN, Infinity, -Infinity, min - 1, max + 1, min + 0.5, ...(min > 0 ? [-0] : [])];
  return {
    optional: options.optional ?? false,
    bad: fc.oneof(
      anyBut('number', 'undefined'),
      fc.constantFrom(...edges).map(v),
      fc.integer({ max: min - 1 }).map(v),
      fc.integer({ min: max + 1 }).map(v),
      fc
        .double({ min, max, noNaN: true })
        .filter((x) => !Number.isInteger(x))
        .map(v),
      fc.constantFrom<unknown>(String(min), BigInt(min)).map(v),
    ),
    boundary: [...edges.map(v), v(String(min)), v(BigInt(min))],
  };
}

/** Broader than any UUID the contract accepts: what does not match this is certainly refused. */
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuid(): Field {
  return {
    bad: fc.oneof(
      anyBut('string', 'undefined'),
      fc
        .string({ unit: unit16, maxLength: 40 })
        .filter((s) => !UUID_LIKE.test(s))
        .map(v),
      fc
        .uuid({ version: 4 })
        .chain((id) => fc.constantFrom(` ${id}`, `${id} `, `{${id}}`, id.replace(/-/g, ''), id.slice(1), `${id}0`, `${id}\u0000`))
        .map(v),
      tooLong(36),
    ),
    boundary: [
      v(''),
      v('00000000-0000-4000-8000-00000000000'),
      v('00000000-0000-4000-8000-0000000000000'),
      v('../../etc/passwd'),
      v('00000000-0000-4000-8000-000000000000\u0000'),
      v(null),
    ],
  };
}

/** An item id of the profile: `^[a-z0-9-]{1,40}$`. */
function itemId(): Field {
  return {
    bad: fc.oneof(
      anyBut('string', 'undefined'),
      fc
        .string({ unit: unit16, maxLength: 45 })
        .filter((s) => !/^[a-z0-9-]{1,40}$/.test(s))
        .map(v),
      tooLong(40),
    ),
    boundary: [v(''), v('C 1'), v('__proto__'), { text: 41, unit: 'a' }, v('c-1\u0000')],
  };
}

/** A list of distinct words from `values`. */
function wordList(values: readonly string[]): Field {
  const wrongWord = choice(values).bad;
  const first = values[0] ?? '';
  return {
    bad: fc.oneof(
      anyBut('array', 'undefined'),
      fc.tuple(fc.subarray([...values]), wrongWord).map(([good, wrong]): Recipe => ({ items: [...good.map(v), wrong] })),
      fc.constantFrom(...values).map((word) => v([word, word])),
      fc.constant(v([...values, first])),
    ),
    boundary: [v([first, first]), v([...values, first]), v(['unbekannt']), v(first), v([[first]])],
  };
}

/** A list of objects of one shape, at most `max`, each `id` once. */
function objectList(item: Shape, max: number, options: { min?: number; uniqueIds?: boolean } = {}): Field {
  const good = v(item.base);
  const extra: Recipe[] = [{ many: max + 1, item: good, uniqueId: true }];
  if (options.uniqueIds) extra.push({ items: [good, good] });
  return {
    bad: fc.oneof(
      anyBut('array', 'undefined'),
      badObject(item).map((wrong): Recipe => ({ items: [good, wrong] })),
      fc.constantFrom(...extra),
    ),
    boundary: [...extra, { items: [{ json: '{"__proto__":{"polluted":"yes"}}' }] }, { items: [v([item.base])] }],
  };
}

/** A calendar day YYYY-MM-DD (a Wiedervorlage). */
function calendarDay(options: { optional?: boolean } = {}): Field {
  const wrong = [
    '2026-02-29',
    '2026-04-31',
    '1999-12-01',
    '2026-13-01',
    '2026-00-10',
    '2026-12-32',
    '01.12.2026',
    '2026-1-1',
    '',
    '2026-12-01T00:00',
    ' 2026-12-01',
    '2026-12-01\u0000',
  ];
  return {
    optional: options.optional ?? false,
    bad: fc.oneof(anyBut('string', 'undefined'), fc.constantFrom(...wrong).map(v), tooLong(10)),
    boundary: wrong.map(v),
  };
}

/** An object of one shape inside the argument (e.g. the IT partner of a preset). */
function nested(item: Shape, options: { optional?: boolean } = {}): Field {
  const optional = options.optional ?? false;
  // An optional object may be left out: `undefined` is not a bad value there.
  const isBad = (recipe: Recipe) => !optional || !('v' in recipe && recipe.v === undefined);
  return {
    optional,
    bad: fc.oneof(anyBut('object', 'undefined'), badObject(item)).filter(isBad),
    boundary: boundaryObjects(item).filter(isBad),
  };
}

/** A list of strings of one field kind. */
function textList(item: Field, min: number, max: number, good: string): Field {
  return {
    optional: true,
    bad: fc.oneof(
      anyBut('array', 'undefined'),
      item.bad.map((wrong): Recipe => ({ items: [v(good), wrong] })),
      fc.constant<Recipe>({ many: max + 1, item: v(good) }),
      ...(min > 0 ? [fc.constant(v([]))] : []),
    ),
    boundary: [v([]), { many: max + 1, item: v(good) }, { items: [v(good), { text: 121, unit: 'x' }] }, v([null])],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations: an object of a shape, made invalid in exactly one way.

const withField = (shape: Shape, name: string, value: Recipe): Recipe => ({
  entries: [...entriesOf(shape.base).filter(([key]) => key !== name), [name, value]],
});
const withoutField = (shape: Shape, name: string): Recipe => ({ entries: entriesOf(shape.base).filter(([key]) => key !== name) });
const withExtraKey = (shape: Shape, key: string, value: Recipe): Recipe => ({ entries: [...entriesOf(shape.base), [key, value]] });

function badObject(shape: Shape): fc.Arbitrary<Recipe> {
  const names = Object.keys(shape.fields);
  const required = names.filter((name) => !shape.fields[name]?.optional);
  const options: fc.Arbitrary<Recipe>[] = [
    // One field of the wrong type, too long, out of range, or not one of the allowed words.
    fc.constantFrom(...names).chain((name) => (shape.fields[name] as Field).bad.map((value) => withField(shape, name, value))),
    fc.constantFrom(...names).chain((name) => (shape.fields[name] as Field).bad.map((value) => withField(shape, name, value))),
    // An unknown key: a prototype member, or any other name.
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom(...HOSTILE_KEYS, 'toString', 'hasOwnProperty', 'valueOf', 'isAdmin'),
          fc.string({ unit: unit16, minLength: 1, maxLength: 20 }).filter((key) => !names.includes(key)),
        ),
        anyValue,
      )
      .map(([key, value]) => withExtraKey(shape, key, value)),
    // The whole object as a hostile JSON object; an array or anything else where the object belongs.
    fc.constantFrom(...HOSTILE_JSON).map((json) => ({ json })),
    fc.constantFrom<Recipe>({ items: [v(shape.base)] }, v(Object.values(shape.base)), v(Object.entries(shape.base)), v([])),
    notAnObject,
  ];
  if (required.length > 0) options.push(fc.constantFrom(...required).map((name) => withoutField(shape, name)));
  if (shape.nonEmpty) options.push(fc.constant<Recipe>({ entries: [] }));
  return fc.oneof(...options);
}

function boundaryObjects(shape: Shape): Recipe[] {
  const out: Recipe[] = [];
  for (const [name, field] of Object.entries(shape.fields)) {
    for (const value of field.boundary) out.push(withField(shape, name, value));
    if (!field.optional) out.push(withoutField(shape, name));
  }
  for (const key of HOSTILE_KEYS) out.push(withExtraKey(shape, key, v({ polluted: 'yes' })));
  for (const json of HOSTILE_JSON.slice(0, 3)) out.push({ json });
  out.push({ items: [v(shape.base)] }, v(null), v(undefined), v(NaN), { text: 3_000_000, unit: 'x' });
  out.push({ depth: 1_000, nest: 'array', key: 'a' }, { depth: 1_000, nest: 'object', key: '__proto__' });
  if (shape.nonEmpty) out.push({ entries: [] });
  return out;
}

/** Arguments (as ipcMain hands them over) that no contract accepts for a channel of this shape. */
function malformedArgs(shape: Shape | undefined): fc.Arbitrary<Recipe[]> {
  if (!shape) return fc.array(anyValue, { minLength: 1, maxLength: 4 });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Recipe[]>([]) },
    { weight: 1, arbitrary: fc.array(anyValue, { minLength: 1, maxLength: 3 }).map((extra) => [v(shape.base), ...extra]) },
    { weight: 8, arbitrary: badObject(shape).map((arg) => [arg]) },
    { weight: 1, arbitrary: fc.tuple(badObject(shape), anyValue).map(([arg, extra]) => [arg, extra]) },
  );
}

function malformedBoundary(shape: Shape | undefined): Recipe[][] {
  if (!shape)
    return [
      [v(undefined)],
      [v({})],
      [v([])],
      [v(null), v(null)],
      [{ json: HOSTILE_JSON[0] as string }],
      [{ depth: 1_000, nest: 'array', key: 'a' }],
    ];
  return [[], [v(shape.base), v(undefined)], [v(shape.base), v(shape.base)], ...boundaryObjects(shape).map((arg) => [arg])];
}

// ---------------------------------------------------------------------------------------------------------------
// Senders that are not the app's own main frame on app://passwort-lotse; each gets valid payloads only.

const APP_URL = appSender.frameUrl ?? '';
const FOREIGN_SENDERS: [string, SenderInfo | null][] = [
  ['no frame (null sender)', null],
  ['a subframe of the app window', { ...appSender, isMainFrame: false }],
  ['another origin', { ...appSender, frameUrl: 'https://evil.example/index.html' }],
  ['file://', { ...appSender, frameUrl: 'file:///C:/Users/Praxis/index.html' }],
  ['a window the app did not create', { ...appSender, isAppWindow: false }],
  ['app:// with another host', { ...appSender, frameUrl: 'app://evil/index.html' }],
  ['app:// with a lookalike host', { ...appSender, frameUrl: 'app://passwort-lotse.evil.example/index.html' }],
  ['app:// with credentials', { ...appSender, frameUrl: 'app://user:pw@passwort-lotse/index.html' }],
  ['http:// with the app host', { ...appSender, frameUrl: 'http://passwort-lotse/index.html' }],
  ['about:blank', { ...appSender, frameUrl: 'about:blank' }],
  ['a data: URL', { ...appSender, frameUrl: 'data:text/html,<script>api.getState()</script>' }],
  ['devtools://', { ...appSender, frameUrl: 'devtools://devtools/bundled/inspector.html' }],
  ['a frame without URL', { ...appSender, frameUrl: null }],
  ['an empty URL', { ...appSender, frameUrl: '' }],
  ['not a URL', { ...appSender, frameUrl: 'passwort-lotse' }],
  ['a subframe on another origin in a foreign window', { frameUrl: 'https://evil.example/', isMainFrame: false, isAppWindow: false }],
];

const foreignUrl: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webPath().map((path) => `file://${path}`),
  fc.domain().map((host) => `app://${host}/index.html`),
  fc.string({ unit: unit16, maxLength: 60 }),
  fc.constantFrom('javascript:alert(1)', 'chrome://settings', 'blob:app://passwort-lotse/1234', 'ws://localhost:9229'),
);

const foreignSender: fc.Arbitrary<SenderInfo | null> = fc.oneof(
  fc.constantFrom(...FOREIGN_SENDERS.map(([, sender]) => sender)),
  fc.record({
    frameUrl: fc.option(
      foreignUrl.filter((url) => !url.toLowerCase().includes('passwort-lotse') || url.startsWith('blob:')),
      { nil: null },
    ),
    isMainFrame: fc.boolean(),
    isAppWindow: fc.boolean(),
  }),
  fc
    .record({
      frameUrl: fc.constantFrom(APP_URL, 'app://passwort-lotse/', 'app://passwort-lotse/#/protokoll'),
      isMainFrame: fc.boolean(),
      isAppWindow: fc.boolean(),
    })
    .filter((sender) => !(sender.isMainFrame && sender.isAppWindow)),
);

// ---------------------------------------------------------------------------------------------------------------
// The practice under test: a user, a profile, a task in progress with one checked step, and one preview staged of
// each kind (an advisory update and another practice's record), so a valid call would change something.

/** A record export of another practice (other PC, other name), made once. */
function memo<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const otherPracticeExport = memo(() => {
  const other = startTestServices();
  other.core.handlers.updateSettings({ userName: 'AB', practiceName: 'Praxis Dr. Berg' });
  other.core.handlers.saveProfile({ ...defaultProfile(), products: ['easymed'] });
  other.core.checklist.setStatus('team-briefing', 'done', undefined, 'AB');
  return JSON.stringify(other.core.exchange.exportRecord());
});

const exportWith = (change: (file: { formatVersion: number; installations: { lines: string[]; computer: string }[] }) => void) =>
  memo(() => {
    const file = JSON.parse(otherPracticeExport()) as Parameters<typeof change>[0];
    change(file);
    return JSON.stringify(file);
  });

const signedPackWith = (change: (pack: ReturnType<typeof bundledPack>) => void) =>
  memo(() => {
    const pack = bundledPack();
    change(pack);
    return signText(JSON.stringify(pack));
  });

const newerPack = memo(() => signPack(packWithXComfortUpdate(false), SIGNING.privatePem));
const envelopeWith = (change: (envelope: Record<string, unknown>) => void) =>
  memo(() => {
    const envelope = JSON.parse(newerPack()) as Record<string, unknown>;
    change(envelope);
    return JSON.stringify(envelope);
  });

/** Pack files an IT partner's USB stick might hold; each is previewed on every run of this file. */
const PACK_SAMPLES: Record<string, () => string> = {
  'pack: a signed newer pack': newerPack,
  'pack: the bundled pack, signed': signedPackWith(() => {}),
  'pack: the bundled pack, unsigned': memo(() => JSON.stringify(bundledPack())),
  'pack: an own __proto__ key and a higher revision': memo(() =>
    signText(`{"__proto__":{"revision":99,"id":"other"},${JSON.stringify(packWithXComfortUpdate(false, 3)).slice(1)}`),
  ),
  'pack: constructor.prototype in a guide': memo(() =>
    signText(
      JSON.stringify(packWithXComfortUpdate(false, 4)).replace('"guides":[{', '"guides":[{"constructor":{"prototype":{"polluted":"yes"}},'),
    ),
  ),
  'pack: a guide nested 5,000 arrays deep': memo(() =>
    signText(JSON.stringify({ ...bundledPack(), revision: 5 }).replace('"guides":[', `"guides":[${deepJsonText(5_000, 'array')},`)),
  ),
  'pack: guides nested 5,000 objects deep': memo(() =>
    signText(
      JSON.stringify({ ...bundledPack(), revision: 5, guides: 0 }).replace('"guides":0', `"guides":${deepJsonText(5_000, 'object')}`),
    ),
  ),
  'pack: a lone surrogate and a NUL in a step': signedPackWith((pack) => {
    pack.revision = 6;
    const step = pack.guides[0]?.steps[0];
    if (step) step.text = { de: 'Schritt \uD800 \u0000 Ende' };
  }),
  'pack: a title of 1,000,000 characters': signedPackWith((pack) => {
    pack.revision = 7;
    const guide = pack.guides[0];
    if (guide) guide.title = { de: 'x'.repeat(1_000_000) };
  }),
  'pack: payload not JSON': memo(() => signText('{ kaputt')),
  'pack: payload 50,000 arrays deep': memo(() => signText(deepJsonText(50_000, 'array'))),
  'pack: payload 50,000 objects deep': memo(() => signText(deepJsonText(50_000, 'object'))),
  'pack: payload a lone surrogate': memo(() => signText('"\\ud800"')),
  'pack: a tampered payload': envelopeWith((envelope) => {
    envelope.payload = Buffer.from(JSON.stringify({ ...bundledPack(), revision: 9 })).toString('base64');
  }),
  'pack: an unknown key id': envelopeWith((envelope) => {
    envelope.keyId = '0000000000000000';
  }),
  'pack: envelope fields of the wrong type': envelopeWith((envelope) => {
    envelope.keyId = 5;
    envelope.signature = [[[]]];
    envelope.payload = { polluted: 'yes' };
  }),
  'pack: envelope with an own __proto__ key': memo(() => `{"__proto__":{"polluted":"yes"},${newerPack().slice(1)}`),
};

/** Files "Datei einlesen" might be given; each is previewed on every run of this file. */
const EXPORT_SAMPLES: Record<string, () => string> = {
  'export: another practice': otherPracticeExport,
  'export: an own __proto__ key': memo(() => `{"__proto__":{"format":"x","polluted":"yes"},${otherPracticeExport().slice(1)}`),
  'export: constructor.prototype in an installation': memo(() =>
    otherPracticeExport().replace('"installations":[{', '"installations":[{"constructor":{"prototype":{"polluted":"yes"}},'),
  ),
  'export: a changed line': exportWith((file) => {
    const installation = file.installations[0];
    if (installation) installation.lines = installation.lines.map((line) => line.replace('"AB"', '"XY"'));
  }),
  'export: __proto__ inside a journal line': exportWith((file) => {
    const installation = file.installations[0];
    if (installation) installation.lines = installation.lines.map((line) => line.replace('{', '{"__proto__":{"polluted":"yes"},'));
  }),
  'export: an installation twice': exportWith((file) => {
    file.installations = [...file.installations, ...file.installations];
  }),
  'export: a lone surrogate as computer name': exportWith((file) => {
    const installation = file.installations[0];
    if (installation) installation.computer = '\uD800';
  }),
  'export: a newer format version': exportWith((file) => {
    file.formatVersion = 99;
  }),
  'export: installations nested 10,000 arrays deep': memo(() =>
    otherPracticeExport().replace('"installations":[', `"installations":[${deepJsonText(10_000, 'array')},`),
  ),
  'export: 50,000 arrays deep': memo(() => deepJsonText(50_000, 'array')),
  'export: 50,000 objects deep': memo(() => deepJsonText(50_000, 'object')),
};

interface Practice {
  router: ReturnType<typeof startTestServices>['router'];
  core: ReturnType<typeof startTestServices>['core'];
  logger: ReturnType<typeof startTestServices>['logger'];
  dir: string;
  refs: Refs;
  tasks: { id: string; status: string; canUndo: boolean; steps: string[]; checked: string[] }[];
  /** Files and state after setting up: what every refused call must leave as it was. */
  files: Map<string, Buffer>;
  state: string;
  ack: { count: number; head: string };
}

/** Every file under the user-data folder except the logs, by relative path. */
function readFiles(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const name = relative(root, path);
      if (entry.isDirectory()) {
        if (name !== 'logs') walk(path);
      } else files.set(name, readFileSync(path));
    }
  };
  walk(root);
  return files;
}

function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => !(before.get(name)?.equals(after.get(name) ?? Buffer.alloc(0)) && after.has(name))).sort();
}

async function startPractice(): Promise<Practice> {
  const services = startTestServices(undefined, TRUSTED);
  const { core, router, dir } = services;
  core.handlers.updateSettings({ userName: 'SY', practiceName: 'Praxis am Markt' });
  core.handlers.saveProfile({
    ...defaultProfile(),
    products: ['x.comfort'],
    computers: [{ id: 'c-1', name: 'Empfang 1', server: false }],
    cardTerminals: [{ id: 'kt-1', model: 'ORGA 6141' }],
  });
  core.checklist.setStatus('team-briefing', 'in-progress', undefined, 'SY');
  const { guides } = await core.handlers.getAdvisory();
  const stepsOf = (guideId: string) => guides.find((guide) => guide.id === guideId)?.steps.map((step) => step.id) ?? [];
  const briefing = core.snapshot().tasks.find((task) => task.id === 'team-briefing');
  const firstStep = briefing ? stepsOf(briefing.guideId)[0] : undefined;
  if (!firstStep) throw new Error('the team briefing has no steps');
  core.checklist.checkStep('team-briefing', firstStep, true, 'SY');

  const advisory = await router.invoke(invokeChannels.previewAdvisory, appSender, [{ content: newerPack() }]);
  const imported = await router.invoke(invokeChannels.previewImport, appSender, [{ content: otherPracticeExport() }]);
  if (!advisory.ok || !imported.ok) throw new Error('the previews could not be staged');
  const advisoryValue = advisory.value as { status: string; previewId?: string };
  const importValue = imported.value as { status: string; preview?: { previewId: string; otherPractice?: string } };
  if (!advisoryValue.previewId || !importValue.preview?.otherPractice) throw new Error('the previews are not ready');
  const stagedAdvisory = advisoryValue.previewId;
  const stagedImport = importValue.preview.previewId;
  const ownExport = JSON.stringify(core.exchange.exportRecord());

  const tasks = core.snapshot().tasks.map((task) => ({
    id: task.id,
    status: task.status,
    canUndo: task.canUndo,
    steps: stepsOf(task.guideId),
    checked: task.checkedSteps,
  }));
  const { count, head } = core.snapshot().record;
  return {
    ...services,
    tasks,
    refs: {
      ...PACK_SAMPLES,
      ...EXPORT_SAMPLES,
      'export: this practice itself': () => ownExport,
      'staged advisory preview': () => stagedAdvisory,
      'staged advisory preview, upper case': () => stagedAdvisory.toUpperCase(),
      'staged import preview': () => stagedImport,
      'staged import preview, upper case': () => stagedImport.toUpperCase(),
      'a checked step of the team briefing': () => firstStep,
    },
    files: readFiles(dir),
    state: JSON.stringify(core.snapshot()),
    ack: { count, head },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What each channel is sent and may answer.

type Outcome = IpcErrorCode | 'ok';

interface WellFormed {
  args: Recipe[];
  expect: Outcome;
}

interface ChannelFuzz {
  /** The shape of the one argument; absent for a channel without arguments. */
  arg?: Shape;
  /** Syntactically valid payloads that must not change anything (unknown ids, no-ops), and what they answer. */
  wellFormed?: {
    /** Every outcome these payloads may have here; each must occur. */
    accepts: Outcome[];
    arb: (practice: Practice) => fc.Arbitrary<WellFormed>;
    /** Tried on every run before the random ones. */
    examples: WellFormed[];
    /** A look at an `ok` answer's value. */
    check?: (value: unknown, practice: Practice) => void;
  };
  /** Valid payloads that would change the practice (where the channel can): only ever sent from foreign senders. */
  valid: ((practice: Practice) => unknown[])[];
  /** What the first valid payload answers when the app itself sends it at the end, and whether it writes a file. */
  fromApp: { outcome: Outcome; writes: boolean };
}

const taskIdField = (optional = false) => text(120, { min: 1, optional });

const unknownTask = (practice: Practice) => {
  const known = new Set(practice.tasks.map((task) => task.id));
  return anyText(1, 120).filter((recipe) => !known.has(String(build(recipe, practice.refs))));
};

const randomPreviewId = (practice: Practice) =>
  fc
    .uuid({ version: 4 })
    .filter(
      (id) =>
        id !== build({ ref: 'staged advisory preview' }, practice.refs) && id !== build({ ref: 'staged import preview' }, practice.refs),
    )
    .map(v);

/** Contents a file picker could deliver: random text (megabytes too), JSON that is hostile, deep or signed. */
const anyContent = (samples: string[], max: number): fc.Arbitrary<Recipe> =>
  fc.oneof(
    fc.constantFrom(...samples).map((ref): Recipe => ({ ref })),
    fc.string({ unit: unit16, maxLength: 200 }).map(v),
    fc.jsonValue({ maxDepth: 4 }).map((value) => v(JSON.stringify(value))),
    fc.constantFrom(...HOSTILE_JSON).map(v),
    fc.record({ text: fc.integer({ min: 1, max: Math.min(max, 3_000_000) }), unit: fc.constantFrom('x', 'ä', '😀', '\uD800', '{', '[') }),
    fc.record({ deepJson: fc.integer({ min: 1_000, max: 50_000 }), nest: fc.constantFrom<'array' | 'object'>('array', 'object') }),
    fc
      .oneof(
        fc.jsonValue({ maxDepth: 4 }).map((value) => v(JSON.stringify(value))),
        fc.constantFrom(...HOSTILE_JSON).map(v),
        fc.record({ deepJson: fc.integer({ min: 1_000, max: 50_000 }), nest: fc.constantFrom<'array' | 'object'>('array', 'object') }),
      )
      .map((payload): Recipe => ({ signed: payload })),
  );

const content = (recipe: Recipe): WellFormed => ({ args: [obj({ content: recipe })], expect: 'ok' });

function checkPreview(value: unknown) {
  expect(['ready', 'refused']).toContain((value as { status?: unknown }).status);
}

const validProfile = {
  ...defaultProfile(),
  products: ['x.comfort', 'easymed'],
  computers: [
    { id: 'c-1', name: 'Empfang 1', server: false },
    { id: 'c-2', name: 'Server', server: true },
  ],
  cardTerminals: [{ id: 'kt-1', model: 'ORGA 6141' }],
};

const SPECS: Record<ApiMethod, ChannelFuzz> = {
  getState: { valid: [() => []], fromApp: { outcome: 'ok', writes: false } },

  updateSettings: {
    arg: {
      base: { practiceName: 'Praxis am Markt' },
      nonEmpty: true,
      fields: {
        practiceName: text(120, { optional: true, display: true }),
        userName: text(60, { optional: true, display: true }),
        language: choice(['de', 'en'], { optional: true }),
        role: choice(['praxis', 'it-partner'], { optional: true }),
      },
    },
    wellFormed: {
      // The same names (trimmed) and the same language: nothing to record, nothing to write.
      accepts: ['ok'],
      arb: () =>
        fc
          .record(
            {
              practiceName: fc.constantFrom('Praxis am Markt', '  Praxis am Markt ', 'Praxis am Markt\u00a0'),
              userName: fc.constantFrom('SY', ' SY', 'SY   '),
              language: fc.constant('de'),
            },
            { requiredKeys: [] },
          )
          .filter((patch) => Object.keys(patch).length > 0)
          .map((patch) => ({ args: [v(patch)], expect: 'ok' as const })),
      examples: [
        { args: [v({ userName: 'SY' })], expect: 'ok' },
        { args: [v({ language: 'de' })], expect: 'ok' },
        { args: [v({ practiceName: ' Praxis am Markt ' })], expect: 'ok' },
      ],
      check: (value, practice) => expect(value).toEqual(practice.ack),
    },
    valid: [() => [{ practiceName: 'Praxis Eingriff' }], () => [{ userName: 'MÖ', language: 'en', role: 'it-partner' }]],
    fromApp: { outcome: 'ok', writes: true },
  },

  dismissNotice: {
    arg: { base: { id: 'journal-0-x' }, fields: { id: text(100, { min: 1 }) } },
    wellFormed: {
      accepts: ['not-found'],
      arb: () => anyText(1, 100).map((id) => ({ args: [obj({ id })], expect: 'not-found' as const })),
      examples: ['__proto__', 'constructor', 'toString', '\uD800', 'x'.repeat(100)].map((id) => ({
        args: [obj({ id: v(id) })],
        expect: 'not-found',
      })),
    },
    valid: [() => [{ id: 'journal-0-x' }]],
    fromApp: { outcome: 'not-found', writes: false },
  },

  saveProfile: {
    arg: {
      base: validProfile,
      fields: {
        completed: flag(),
        products: wordList(PRODUCTS),
        productsUnsure: flag({ optional: true }),
        connector: choice(['yes', 'no', 'unsure']),
        connectorModel: choice(CONNECTOR_MODELS),
        cardTerminals: objectList(
          { base: { id: 'kt-1', model: 'ORGA 6141' }, fields: { id: itemId(), model: text(60, { label: true, display: true }) } },
          100,
          { uniqueIds: true },
        ),
        computers: objectList(
          {
            base: { id: 'c-1', name: 'Empfang 1', server: false },
            fields: { id: itemId(), name: text(60, { min: 1, label: true, display: true }), server: flag() },
          },
          400,
          { uniqueIds: true },
        ),
        windowsAccounts: choice(['personal', 'shared', 'unsure']),
        remoteTools: wordList(REMOTE_TOOLS),
        firewall: choice(['yes', 'no', 'unsure']),
        securitySystem: choice(['yes', 'no', 'unsure']),
        portals: wordList(PORTALS),
      },
    },
    valid: [() => [validProfile]],
    fromApp: { outcome: 'ok', writes: true },
  },

  setTaskStatus: {
    arg: {
      base: { taskId: 'team-briefing', status: 'done' },
      fields: {
        taskId: taskIdField(),
        status: choice(USER_STATUSES, { alsoBad: ['recheck', 'fertig'] }),
        reason: text(500, { optional: true, label: true, display: true }),
        followUp: calendarDay({ optional: true }),
      },
    },
    wellFormed: {
      accepts: ['not-found', 'same-status', 'reason-required'],
      arb: (practice) =>
        fc.oneof(
          fc
            .record({
              taskId: unknownTask(practice),
              status: fc.constantFrom(...USER_STATUSES).map(v),
              reason: fc.option(printableText(0, 500), { nil: undefined }),
            })
            .map((fields) => ({ args: [obj(fields)], expect: 'not-found' as const })),
          fc.tuple(fc.constantFrom(...practice.tasks), fc.option(printableText(0, 500), { nil: undefined })).map(([task, reason]) => ({
            args: [obj({ taskId: v(task.id), status: v(task.status), reason })],
            expect: 'same-status' as const,
          })),
          fc
            .tuple(
              fc.constantFrom(...practice.tasks.filter((task) => task.status !== 'not-applicable')),
              fc.constantFrom(undefined, '', '   ', '\u00a0\u2003'),
            )
            .map(([task, reason]) => ({
              args: [obj({ taskId: v(task.id), status: v('not-applicable'), reason: reason === undefined ? undefined : v(reason) })],
              expect: 'reason-required' as const,
            })),
        ),
      examples: [
        { args: [v({ taskId: '__proto__', status: 'done' })], expect: 'not-found' },
        { args: [v({ taskId: 'constructor', status: 'done' })], expect: 'not-found' },
        { args: [v({ taskId: ' team-briefing', status: 'done' })], expect: 'not-found' },
        { args: [v({ taskId: 'team-briefing\uD800', status: 'done' })], expect: 'not-found' },
        { args: [obj({ taskId: { text: 120, unit: 'x' }, status: v('done') })], expect: 'not-found' },
        { args: [v({ taskId: 'team-briefing', status: 'in-progress' })], expect: 'same-status' },
        { args: [v({ taskId: 'team-briefing', status: 'not-applicable', reason: ' '.repeat(500) })], expect: 'reason-required' },
      ],
    },
    valid: [
      () => [{ taskId: 'team-briefing', status: 'done' }],
      () => [{ taskId: 'phishing-warning', status: 'not-applicable', reason: 'Kein E-Mail' }],
    ],
    fromApp: { outcome: 'ok', writes: true },
  },

  setFollowUp: {
    arg: { base: { taskId: 'team-briefing', followUp: '2026-12-03' }, fields: { taskId: taskIdField(), followUp: calendarDay() } },
    wellFormed: {
      // Nothing is with the IT partner in the practice under test: every known task is refused as not handed over.
      accepts: ['not-found', 'not-handed-over'],
      arb: (practice) =>
        fc.oneof(
          unknownTask(practice).map((taskId) => ({ args: [obj({ taskId, followUp: v('2026-12-03') })], expect: 'not-found' as const })),
          fc
            .constantFrom(...practice.tasks)
            .map((task) => ({ args: [v({ taskId: task.id, followUp: '2026-12-03' })], expect: 'not-handed-over' as const })),
        ),
      examples: [
        { args: [v({ taskId: '__proto__', followUp: '2026-12-03' })], expect: 'not-found' },
        { args: [v({ taskId: 'team-briefing', followUp: '2026-12-03' })], expect: 'not-handed-over' },
      ],
    },
    valid: [() => [{ taskId: 'team-briefing', followUp: '2026-12-03' }]],
    fromApp: { outcome: 'not-handed-over', writes: false },
  },

  undoTaskStatus: {
    arg: { base: { taskId: 'team-briefing' }, fields: { taskId: taskIdField() } },
    wellFormed: {
      accepts: ['not-found', 'nothing-to-undo'],
      arb: (practice) =>
        fc.oneof(
          unknownTask(practice).map((taskId) => ({ args: [obj({ taskId })], expect: 'not-found' as const })),
          fc
            .constantFrom(...practice.tasks.filter((task) => !task.canUndo))
            .map((task) => ({ args: [v({ taskId: task.id })], expect: 'nothing-to-undo' as const })),
        ),
      examples: [
        { args: [v({ taskId: '__proto__' })], expect: 'not-found' },
        { args: [v({ taskId: 'TEAM-BRIEFING' })], expect: 'not-found' },
        { args: [v({ taskId: 'phishing-warning' })], expect: 'nothing-to-undo' },
      ],
    },
    valid: [() => [{ taskId: 'team-briefing' }]],
    fromApp: { outcome: 'ok', writes: true },
  },

  checkStep: {
    arg: {
      base: { taskId: 'team-briefing', stepId: 'brief', checked: true },
      fields: { taskId: taskIdField(), stepId: text(80, { min: 1 }), checked: flag() },
    },
    wellFormed: {
      // Unknown tasks and steps are refused; checking a checked step (or unchecking an unchecked one) changes nothing.
      accepts: ['not-found', 'ok'],
      arb: (practice) =>
        fc.oneof(
          fc
            .record({ taskId: unknownTask(practice), stepId: anyText(1, 80), checked: fc.boolean().map(v) })
            .map((fields) => ({ args: [obj(fields)], expect: 'not-found' as const })),
          fc
            .tuple(fc.constantFrom(...practice.tasks), anyText(1, 80), fc.boolean())
            .filter(([task, step]) => !task.steps.includes(String(build(step, practice.refs))))
            .map(([task, stepId, checked]) => ({
              args: [obj({ taskId: v(task.id), stepId, checked: v(checked) })],
              expect: 'not-found' as const,
            })),
          fc
            .constantFrom(...practice.tasks.filter((task) => task.steps.length > 0))
            .chain((task) => fc.constantFrom(...task.steps).map((step) => ({ task, step })))
            .map(({ task, step }) => ({
              args: [v({ taskId: task.id, stepId: step, checked: task.checked.includes(step) })],
              expect: 'ok' as const,
            })),
        ),
      examples: [
        {
          args: [obj({ taskId: v('team-briefing'), stepId: { ref: 'a checked step of the team briefing' }, checked: v(true) })],
          expect: 'ok',
        },
        { args: [v({ taskId: 'team-briefing', stepId: '__proto__', checked: true })], expect: 'not-found' },
        { args: [v({ taskId: '__proto__', stepId: 'brief', checked: true })], expect: 'not-found' },
      ],
      check: (value, practice) => expect(value).toEqual(practice.ack),
    },
    valid: [
      (practice) => {
        const task = practice.tasks.find((t) => t.id === 'team-briefing');
        return [{ taskId: 'team-briefing', stepId: task?.steps.find((step) => !task.checked.includes(step)), checked: true }];
      },
    ],
    fromApp: { outcome: 'ok', writes: true },
  },

  previewAdvisory: {
    arg: { base: { content: '{}' }, fields: { content: text(MAX_PACK_BYTES * 4) } },
    wellFormed: {
      // Whatever the file holds, the answer is a preview or a refusal in the result; nothing is installed.
      accepts: ['ok'],
      arb: () => anyContent(Object.keys(PACK_SAMPLES), MAX_PACK_BYTES * 4).map(content),
      examples: [
        ...Object.keys(PACK_SAMPLES).map((ref) => content({ ref })),
        content({ text: MAX_PACK_BYTES * 4, unit: 'x' }),
        content({ text: MAX_PACK_BYTES + 1, unit: 'x' }),
        content({ text: MAX_PACK_BYTES, unit: 'ä' }),
        content(v('')),
      ],
      check: checkPreview,
    },
    valid: [() => [{ content: newerPack() }]],
    fromApp: { outcome: 'ok', writes: false },
  },

  applyAdvisory: {
    arg: { base: { previewId: '00000000-0000-4000-8000-000000000000' }, fields: { previewId: uuid() } },
    wellFormed: {
      accepts: ['not-found'],
      arb: (practice) => randomPreviewId(practice).map((previewId) => ({ args: [obj({ previewId })], expect: 'not-found' as const })),
      examples: [
        { args: [obj({ previewId: { ref: 'staged advisory preview, upper case' } })], expect: 'not-found' },
        { args: [obj({ previewId: { ref: 'staged import preview' } })], expect: 'not-found' },
        { args: [v({ previewId: '00000000-0000-0000-0000-000000000000' })], expect: 'not-found' },
        { args: [v({ previewId: 'ffffffff-ffff-ffff-ffff-ffffffffffff' })], expect: 'not-found' },
      ],
    },
    valid: [(practice) => [{ previewId: build({ ref: 'staged advisory preview' }, practice.refs) }]],
    fromApp: { outcome: 'ok', writes: true },
  },

  cancelAdvisory: {
    arg: { base: { previewId: '00000000-0000-4000-8000-000000000000' }, fields: { previewId: uuid() } },
    wellFormed: {
      accepts: ['not-found'],
      arb: (practice) => randomPreviewId(practice).map((previewId) => ({ args: [obj({ previewId })], expect: 'not-found' as const })),
      examples: [
        { args: [obj({ previewId: { ref: 'staged advisory preview, upper case' } })], expect: 'not-found' },
        { args: [obj({ previewId: { ref: 'staged import preview' } })], expect: 'not-found' },
      ],
    },
    valid: [(practice) => [{ previewId: build({ ref: 'staged advisory preview' }, practice.refs) }]],
    fromApp: { outcome: 'ok', writes: true },
  },

  getAdvisory: { valid: [() => []], fromApp: { outcome: 'ok', writes: false } },

  getProtocol: {
    arg: {
      base: { area: 'pvs', limit: 20 },
      fields: {
        area: choice(AREAS, { optional: true }),
        by: text(60, { optional: true }),
        taskId: taskIdField(true),
        offset: integer(0, 10_000_000, { optional: true }),
        limit: integer(1, PROTOCOL_PAGE_MAX, { optional: true }),
      },
    },
    wellFormed: {
      // Any filter only reads.
      accepts: ['ok'],
      arb: (practice) =>
        fc
          .record(
            {
              area: fc.constantFrom(...AREAS).map(v),
              by: anyText(0, 60),
              taskId: fc.oneof(anyText(1, 120), fc.constantFrom(...practice.tasks.map((task) => task.id)).map(v)),
              offset: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constant(-0)).map(v),
              limit: fc.integer({ min: 1, max: PROTOCOL_PAGE_MAX }).map(v),
            },
            { requiredKeys: [] },
          )
          .map((fields) => ({ args: [obj(fields)], expect: 'ok' as const })),
      examples: [
        { args: [v({})], expect: 'ok' },
        { args: [v({ offset: 10_000_000, limit: PROTOCOL_PAGE_MAX })], expect: 'ok' },
        { args: [v({ by: '__proto__', taskId: 'constructor' })], expect: 'ok' },
        { args: [v({ offset: -0, limit: 1 })], expect: 'ok' },
      ],
      check: (value) => {
        const page = value as { entries: unknown[]; total: number };
        expect(page.entries.length).toBeLessThanOrEqual(Math.min(PROTOCOL_PAGE_MAX, page.total));
      },
    },
    valid: [() => [{ area: 'other' }], () => [{}]],
    fromApp: { outcome: 'ok', writes: false },
  },

  createReport: {
    arg: {
      base: { kind: 'worksheet', taskIds: ['team-briefing'] },
      fields: {
        kind: choice(['nachweis', 'worksheet']),
        taskIds: textList(taskIdField(), 1, 500, 'team-briefing'),
        audience: choice(['praxis', 'it-partner'], { optional: true }),
      },
    },
    wellFormed: {
      // The test practice has no save dialog: every report is "cancelled", none is written.
      accepts: ['ok'],
      arb: (practice) =>
        fc
          .record(
            {
              kind: fc.constantFrom('nachweis', 'worksheet').map(v),
              taskIds: fc
                .array(fc.oneof(anyText(1, 120), fc.constantFrom(...practice.tasks.map((task) => task.id)).map(v)), {
                  minLength: 1,
                  maxLength: 20,
                })
                .map((items): Recipe => ({ items })),
              audience: fc.constantFrom('praxis', 'it-partner').map(v),
            },
            { requiredKeys: ['kind'] },
          )
          .map((fields) => ({ args: [obj(fields)], expect: 'ok' as const })),
      examples: [{ args: [obj({ kind: v('worksheet'), taskIds: { many: 500, item: { text: 120, unit: 'x' } } })], expect: 'ok' }],
      check: (value) => expect(value).toEqual({ status: 'cancelled' }),
    },
    valid: [() => [{ kind: 'nachweis' }], () => [{ kind: 'worksheet', audience: 'praxis' }]],
    fromApp: { outcome: 'ok', writes: false },
  },

  exportRecord: { valid: [() => []], fromApp: { outcome: 'ok', writes: false } },

  previewImport: {
    arg: { base: { content: '{}' }, fields: { content: text(MAX_RECORD_EXPORT_BYTES + 1) } },
    wellFormed: {
      accepts: ['ok'],
      arb: () => anyContent(Object.keys(EXPORT_SAMPLES), MAX_RECORD_EXPORT_BYTES + 1).map(content),
      examples: [
        ...Object.keys(EXPORT_SAMPLES).map((ref) => content({ ref })),
        content({ ref: 'export: this practice itself' }),
        content({ text: MAX_RECORD_EXPORT_BYTES + 1, unit: 'x' }),
        content(v('')),
      ],
      check: checkPreview,
    },
    valid: [() => [{ content: otherPracticeExport() }]],
    fromApp: { outcome: 'ok', writes: false },
  },

  applyImport: {
    arg: {
      base: { previewId: '00000000-0000-4000-8000-000000000000', confirmOtherPractice: false },
      fields: { previewId: uuid(), confirmOtherPractice: flag() },
    },
    wellFormed: {
      // The staged file is of another practice: without the confirmation nothing is merged.
      accepts: ['not-found', 'confirm-practice'],
      arb: (practice) =>
        fc.oneof(
          fc.tuple(randomPreviewId(practice), fc.boolean()).map(([previewId, confirm]) => ({
            args: [obj({ previewId, confirmOtherPractice: v(confirm) })],
            expect: 'not-found' as const,
          })),
          fc.constant<WellFormed>({
            args: [obj({ previewId: { ref: 'staged import preview' }, confirmOtherPractice: v(false) })],
            expect: 'confirm-practice',
          }),
        ),
      examples: [
        { args: [obj({ previewId: { ref: 'staged import preview' }, confirmOtherPractice: v(false) })], expect: 'confirm-practice' },
        { args: [obj({ previewId: { ref: 'staged import preview, upper case' }, confirmOtherPractice: v(true) })], expect: 'not-found' },
        { args: [obj({ previewId: { ref: 'staged advisory preview' }, confirmOtherPractice: v(true) })], expect: 'not-found' },
      ],
    },
    valid: [(practice) => [{ previewId: build({ ref: 'staged import preview' }, practice.refs), confirmOtherPractice: true }]],
    fromApp: { outcome: 'ok', writes: true },
  },

  cancelImport: {
    arg: { base: { previewId: '00000000-0000-4000-8000-000000000000' }, fields: { previewId: uuid() } },
    wellFormed: {
      // Cancelling a preview that does not exist is a harmless no-op.
      accepts: ['ok'],
      arb: (practice) => randomPreviewId(practice).map((previewId) => ({ args: [obj({ previewId })], expect: 'ok' as const })),
      examples: [{ args: [obj({ previewId: { ref: 'staged advisory preview' } })], expect: 'ok' }],
      check: (value, practice) => expect(value).toEqual(practice.ack),
    },
    valid: [(practice) => [{ previewId: build({ ref: 'staged import preview' }, practice.refs) }]],
    fromApp: { outcome: 'ok', writes: false },
  },

  savePreset: {
    arg: {
      base: { record: 'machine', itPartner: { name: 'IT-Service Muster', phone: '+49 30 1234-56' } },
      fields: {
        record: choice(['user', 'machine']),
        itPartner: nested(
          {
            base: { name: 'IT-Service Muster', phone: '+49 30 1234-56' },
            fields: { name: text(80, { display: true }), phone: text(40, { display: true }) },
          },
          { optional: true },
        ),
      },
    },
    valid: [() => [{ record: 'user' }]],
    // The test services have no save dialog: "cancelled", nothing written.
    fromApp: { outcome: 'ok', writes: false },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The checks after every call.

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

async function invoke(practice: Practice, method: ApiMethod, sender: SenderInfo | null, args: unknown[]): Promise<IpcResult<unknown>> {
  try {
    return await practice.router.invoke(invokeChannels[method], sender, args);
  } catch (error) {
    throw new Error(`${method}: the router threw instead of answering`, { cause: error });
  }
}

function outcomeOf(result: IpcResult<unknown>): Outcome {
  return result.ok ? 'ok' : result.error.code;
}

function expectOutcome(result: IpcResult<unknown>, expected: Outcome) {
  if (expected === 'ok') expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: true });
  else expect(result).toEqual(ipcFailure(expected));
}

async function expectUntouched(practice: Practice) {
  expect(changedFiles(practice.files, readFiles(practice.dir)), 'files in the user-data folder changed').toEqual([]);
  expect(JSON.stringify(practice.core.snapshot()) === practice.state, 'the state in main changed').toBe(true);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  const state = await invoke(practice, 'getState', appSender, []);
  expect(state.ok, 'getState from the app still answers').toBe(true);
}

/** The log names events, never payloads: no marker, no lone surrogate and no long line from any payload reached it. */
function expectNoPayloadInLog(practice: Practice) {
  const leaked = practice.logger.lines.filter((line) => line.includes('polluted') || !line.isWellFormed() || line.length > 300);
  expect(leaked.slice(0, 3)).toEqual([]);
}

const counts = new Map<ApiMethod, { malformed: number; wellFormed: number; senders: number }>();
const count = (method: ApiMethod) => {
  let entry = counts.get(method);
  if (!entry) counts.set(method, (entry = { malformed: 0, wellFormed: 0, senders: 0 }));
  return entry;
};

const planned = (method: ApiMethod) => {
  const spec = SPECS[method];
  return {
    malformed: MALFORMED_RUNS + malformedBoundary(spec.arg).length,
    wellFormed: spec.wellFormed ? WELL_FORMED_RUNS + spec.wellFormed.examples.length : 0,
    senders: SENDER_RUNS + FOREIGN_SENDERS.length * spec.valid.length,
  };
};

const METHODS = Object.keys(invokeChannels) as ApiMethod[];

describe.each(METHODS)('IPC fuzz: %s', (method) => {
  const spec = SPECS[method];
  const plan = planned(method);
  let practice: Practice;

  beforeAll(async () => {
    practice = await startPractice();
  }, TIMEOUT);

  it(
    `refuses ${plan.malformed} malformed payloads with invalid-arguments and changes nothing`,
    async () => {
      const examples = malformedBoundary(spec.arg).map((args): [Recipe[]] => [args]);
      await fc.assert(
        fc.asyncProperty(malformedArgs(spec.arg), async (args) => {
          count(method).malformed += 1;
          const result = await invoke(
            practice,
            method,
            appSender,
            args.map((part) => build(part, practice.refs)),
          );
          expectOutcome(result, 'invalid-arguments');
          await expectUntouched(practice);
        }),
        { seed: seedOf(`${method}/malformed`), numRuns: MALFORMED_RUNS + examples.length, examples, endOnFailure: true },
      );
      expect(count(method).malformed).toBe(plan.malformed);
      expectNoPayloadInLog(practice);
    },
    TIMEOUT,
  );

  const wellFormed = spec.wellFormed;
  if (wellFormed) {
    it(
      `answers ${plan.wellFormed} well-formed payloads only with ${wellFormed.accepts.join(' | ')} and changes nothing`,
      async () => {
        const seen = new Set<Outcome>();
        await fc.assert(
          fc.asyncProperty(wellFormed.arb(practice), async (payload) => {
            count(method).wellFormed += 1;
            const result = await invoke(
              practice,
              method,
              appSender,
              payload.args.map((part) => build(part, practice.refs)),
            );
            seen.add(outcomeOf(result));
            expect(wellFormed.accepts).toContain(payload.expect);
            expectOutcome(result, payload.expect);
            if (result.ok) wellFormed.check?.(result.value, practice);
            await expectUntouched(practice);
          }),
          {
            seed: seedOf(`${method}/well-formed`),
            numRuns: WELL_FORMED_RUNS + wellFormed.examples.length,
            examples: wellFormed.examples.map((payload): [WellFormed] => [payload]),
            endOnFailure: true,
          },
        );
        expect([...seen].sort()).toEqual([...wellFormed.accepts].sort());
        expect(count(method).wellFormed).toBe(plan.wellFormed);
        expectNoPayloadInLog(practice);
      },
      TIMEOUT,
    );
  }

  it(
    `refuses valid payloads from ${FOREIGN_SENDERS.length} foreign senders and ${SENDER_RUNS} random ones with forbidden-sender`,
    async () => {
      const examples: [SenderInfo | null, number][] = FOREIGN_SENDERS.flatMap(([, sender]) =>
        spec.valid.map((_, i): [SenderInfo | null, number] => [sender, i]),
      );
      await fc.assert(
        fc.asyncProperty(foreignSender, fc.nat({ max: spec.valid.length - 1 }), async (sender, which) => {
          count(method).senders += 1;
          const payload = spec.valid[which]?.(practice) ?? [];
          const result = await invoke(practice, method, sender, payload);
          expectOutcome(result, 'forbidden-sender');
          await expectUntouched(practice);
        }),
        { seed: seedOf(`${method}/senders`), numRuns: SENDER_RUNS + examples.length, examples, endOnFailure: true },
      );
      expect(count(method).senders).toBe(plan.senders);
      expectNoPayloadInLog(practice);
    },
    TIMEOUT,
  );

  it(`control: the same valid payload from the app answers ${spec.fromApp.outcome}${spec.fromApp.writes ? ' and is written' : ''}`, async () => {
    const payload = spec.valid[0]?.(practice) ?? [];
    const result = await invoke(practice, method, appSender, payload);
    expectOutcome(result, spec.fromApp.outcome);
    const changed = changedFiles(practice.files, readFiles(practice.dir));
    if (spec.fromApp.writes) expect(changed.length).toBeGreaterThan(0);
    else expect(changed).toEqual([]);
  });
});

/**
 * Found by this fuzzing: unpaired surrogates in profile names and in the reason of "Nicht zutreffend" reached the
 * journal, whose canonical JSON cannot hold them (the router answered `internal`). The contract now refuses them
 * (shared/domain/profile.ts, shared/ipc/contract.ts), as it already did for the settings names.
 */
const SURROGATE_GAPS: [string, ApiMethod, unknown[]][] = [
  [
    'saveProfile with a computer named "Empfang \\uD800"',
    'saveProfile',
    [{ ...validProfile, computers: [{ id: 'c-1', name: 'Empfang \uD800', server: false }] }],
  ],
  [
    'saveProfile with a card terminal model "ORGA \\uDFFF"',
    'saveProfile',
    [{ ...validProfile, cardTerminals: [{ id: 'kt-1', model: 'ORGA \uDFFF' }] }],
  ],
  [
    'setTaskStatus "not-applicable" with the reason "kein \\uD800"',
    'setTaskStatus',
    [{ taskId: 'phishing-warning', status: 'not-applicable', reason: 'kein \uD800' }],
  ],
];

describe('IPC fuzz: unpaired surrogates are refused before they reach the journal', () => {
  let practice: Practice;

  beforeAll(async () => {
    practice = await startPractice();
  }, TIMEOUT);

  for (const [label, method, args] of SURROGATE_GAPS) {
    it(`${label}: resolves, writes nothing, main keeps answering`, async () => {
      const result = await invoke(practice, method, appSender, args);
      expect(result.ok).toBe(false);
      await expectUntouched(practice);
    });

    it(`${label}: is refused as invalid-arguments`, async () => {
      expectOutcome(await invoke(practice, method, appSender, args), 'invalid-arguments');
    });
  }
});

describe('IPC fuzz: runs per channel', () => {
  for (const method of METHODS) {
    const plan = planned(method);
    const payloads = `${plan.malformed + plan.wellFormed} payloads (${plan.malformed} malformed, ${plan.wellFormed} well-formed)`;
    const senders = `${FOREIGN_SENDERS.length + SENDER_RUNS} foreign senders (${plan.senders} calls)`;
    it(`${method}: ${payloads}, ${senders}`, () => {
      expect(counts.get(method)).toEqual(plan);
    });
  }
});
