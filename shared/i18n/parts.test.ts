import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcErrorCodeSchema, errorMessageKey } from '../ipc/result';
import { leafKeys, lookup, usedKeys } from './check';
import { de } from './de';
import { en } from './en';
import { partOf, pickPart, RENDERER_PARTS, TEXT_PARTS, type TextPart } from './parts';

const root = join(import.meta.dirname, '..', '..');
const ALL_PARTS = Object.keys(TEXT_PARTS) as TextPart[];

/** Deep merge of nested text objects (as i18next's addResourceBundle with deep = true). */
function merge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(from)) {
    const there = into[key];
    into[key] =
      typeof value === 'object' && value !== null && typeof there === 'object' && there !== null
        ? merge(there as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return into;
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = join(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((file) => /\.tsx?$/.test(file) && existsSync(file));
}

/** The source files one chunk of the renderer is built from: `entry` and what it imports statically (not type-only). */
function staticGraph(entry: string): { files: Set<string>; dynamic: Set<string> } {
  const files = new Set<string>();
  const dynamic = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const next = resolveImport(file, match[1] as string);
      if (next) visit(next);
    }
    for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const next = resolveImport(file, match[1] as string);
      if (next) dynamic.add(next);
    }
  };
  visit(entry);
  return { files, dynamic };
}

/** Every chunk entry of the renderer (main.tsx and each module it or they load with import()), with its files. */
function rendererChunks(): Map<string, Set<string>> {
  const chunks = new Map<string, Set<string>>();
  const queue = [join(root, 'renderer', 'src', 'main.tsx')];
  while (queue.length > 0) {
    const entry = queue.shift() as string;
    if (chunks.has(entry)) continue;
    const { files, dynamic } = staticGraph(entry);
    chunks.set(entry, files);
    queue.push(...dynamic);
  }
  return chunks;
}

/** Parts a source file loads: useTexts('a', 'b') and loadPart(i18n, language, 'c'). */
function partsLoadedIn(source: string): string[] {
  return [...source.matchAll(/\b(?:useTexts|loadPart)\(([^)]*)\)/g)].flatMap((call) =>
    [...(call[1] as string).matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1] as string),
  );
}

describe('UI text parts', () => {
  it('every text of both languages is in exactly one part, and the parts together are the whole dictionary', () => {
    for (const dictionary of [de, en]) {
      expect(leafKeys(dictionary).filter((key) => partOf(key) === undefined)).toEqual([]);
      const pieces = ALL_PARTS.map((part) => leafKeys(pickPart(dictionary, part)));
      expect(pieces.flat().toSorted()).toEqual(leafKeys(dictionary).toSorted());
      expect(new Set(pieces.flat()).size).toBe(pieces.flat().length);
      const whole = ALL_PARTS.reduce((sum, part) => merge(sum, structuredClone(pickPart(dictionary, part))), {});
      expect(whole).toEqual(dictionary);
    }
  });

  it('every path a part lists is in the dictionary, listed once, and no renderer part is empty', () => {
    const paths = Object.values(TEXT_PARTS).flat();
    expect(paths.filter((path) => lookup(de, path) === undefined)).toEqual([]);
    expect(new Set(paths).size).toBe(paths.length);
    for (const part of RENDERER_PARTS) expect(leafKeys(pickPart(de, part)).length, part).toBeGreaterThan(0);
  });

  it('the first screen has every error message an action can show', () => {
    const keys = ipcErrorCodeSchema.options.map(errorMessageKey);
    expect(keys.filter((key) => partOf(key) !== 'start')).toEqual([]);
  });

  it('every key a chunk of the renderer uses is in the start part or a part that chunk loads', () => {
    const namespaces = Object.keys(de);
    const chunks = rendererChunks();
    // main.tsx, app screens, their lazy parts: the walk must find the screens, or it proves nothing.
    expect(chunks.size).toBeGreaterThanOrEqual(7);
    const problems: string[] = [];
    for (const [entry, files] of chunks) {
      // Without comments (an example in a doc comment is not a use) and without the table of parts itself.
      const sources = [...files]
        .filter((file) => file !== join(root, 'shared', 'i18n', 'parts.ts'))
        .map((file) =>
          readFileSync(file, 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/^\s*\/\/.*$/gm, ''),
        );
      const loaded = new Set<string>(['start', ...sources.flatMap(partsLoadedIn)]);
      for (const part of loaded) if (!RENDERER_PARTS.includes(part as never)) problems.push(`${relative(root, entry)}: no part ${part}`);
      const literal = sources.flatMap((source) => usedKeys(source.replace(/\.(info|warn|error)\(\s*['"][^'"]*['"]/g, ''), namespaces));
      // Keys built at run time (`notices.kinds.${kind}`): the whole subtree must be there.
      const built = sources.flatMap((source) =>
        [...source.matchAll(/`([a-z]+(?:\.[A-Za-z0-9_-]+)+)\.\$\{/g)].flatMap((m) => leafKeys(lookup(de, m[1] as string), `${m[1]}.`)),
      );
      for (const key of new Set([...literal, ...built])) {
        const candidates = [key, `${key}_one`, `${key}_other`].filter((k) => typeof lookup(de, k) === 'string');
        const part = candidates.length > 0 ? partOf(candidates[0] as string) : undefined;
        if (candidates.length === 0) continue; // Not a text key (i18n.test.ts reports undefined keys).
        if (!part || !loaded.has(part)) problems.push(`${relative(root, entry)}: ${key} is in part ${part}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
