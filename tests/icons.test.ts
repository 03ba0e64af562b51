import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIcons, ICO_SIZES, ICON_SVG, LINUX_SIZES, MAIN_SIZE } from '../scripts/build-icons';

const root = join(import.meta.dirname, '..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Decoded {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row. */
  rgba: Buffer;
}

/**
 * A small PNG reader written for this test, independent of the renderer: checks the signature and every chunk's
 * CRC, reads the IHDR, inflates the IDATs and undoes the row filters. Only what the icon build writes is accepted
 * (8-bit RGBA, not interlaced); anything else fails the test.
 */
function decodePng(data: Buffer): Decoded {
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    expect(data.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(data.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body.readUInt8(8),
        colour: body.readUInt8(9),
        interlace: body.readUInt8(12),
      };
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  expect(ended, 'IEND').toBe(true);
  expect(header).toMatchObject({ depth: 8, colour: 6, interlace: 0 });
  const { width, height } = header;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe(height * (stride + 1));
  const rgba = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`unknown PNG filter ${String(filter)}`);
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

const pixel = (image: Decoded, x: number, y: number) => {
  const i = (y * image.width + x) * 4;
  return { r: image.rgba[i] ?? 0, g: image.rgba[i + 1] ?? 0, b: image.rgba[i + 2] ?? 0, a: image.rgba[i + 3] ?? 0 };
};

function pixels(image: Decoded) {
  const all = [];
  for (let y = 0; y < image.height; y += 1) for (let x = 0; x < image.width; x += 1) all.push(pixel(image, x, y));
  return all;
}

interface IcoEntry {
  width: number;
  height: number;
  planes: number;
  bitCount: number;
  bytes: number;
  offset: number;
  image: Buffer;
}

function readIco(data: Buffer): { type: number; entries: IcoEntry[] } {
  expect(data.readUInt16LE(0), 'ICONDIR reserved').toBe(0);
  const count = data.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = 6 + 16 * i;
    const bytes = data.readUInt32LE(at + 8);
    const offset = data.readUInt32LE(at + 12);
    entries.push({
      width: data.readUInt8(at) || 256,
      height: data.readUInt8(at + 1) || 256,
      planes: data.readUInt16LE(at + 4),
      bitCount: data.readUInt16LE(at + 6),
      bytes,
      offset,
      image: data.subarray(offset, offset + bytes),
    });
  }
  return { type: data.readUInt16LE(2), entries };
}

/** electron-builder's own icon lookup and check (the one `npm run package` goes through). */
const { convertIcon } = createRequire(import.meta.url)('app-builder-lib/out/util/iconConverter') as {
  convertIcon: (options: {
    sources: string[];
    fallbackSources: string[];
    roots: string[];
    format: 'ico' | 'set';
    outDir: string;
  }) => Promise<{ icons: Array<{ file: string; size: number }>; isFallback: boolean }>;
};

/** A stand-in project folder; the icons go to its build/, as `npm run icons` writes them to the real one. */
let project: string;
let out: string;
let written: string[];

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'passwort-lotse-icons-'));
  out = join(project, 'build');
  written = buildIcons(out);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the icon build (scripts/build-icons.ts)', () => {
  it('writes the main PNG, the Linux sizes and the Windows ICO, and nothing else', () => {
    const expected = ['icon.png', 'icon.ico', ...LINUX_SIZES.map((n) => `icons/${n}x${n}.png`)];
    expect(written.map((file) => relative(out, file).replaceAll('\\', '/')).sort()).toEqual(expected.sort());
    expect(readdirSync(join(out, 'icons')).sort()).toEqual(LINUX_SIZES.map((n) => `${n}x${n}.png`).sort());
    expect(LINUX_SIZES).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    expect(ICO_SIZES).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it.each([['icon.png', MAIN_SIZE], ...LINUX_SIZES.map((n): [string, number] => [`icons/${n}x${n}.png`, n])])(
    '%s is a decodable PNG, %d pixels square, with the icon on it',
    (file, size) => {
      const image = decodePng(readFileSync(join(out, file)));
      expect([image.width, image.height]).toEqual([size, size]);
      const all = pixels(image);
      // Not blank: most of it is opaque, the rounded corners are see-through.
      expect(all.filter((p) => p.a === 255).length).toBeGreaterThan(all.length / 2);
      expect(pixel(image, 0, 0).a).toBe(0);
      expect(pixel(image, size - 1, size - 1).a).toBe(0);
    },
  );

  it('the 16 × 16 image still shows white on blue (wheel on the background), not a blur of one colour', () => {
    const all = pixels(decodePng(readFileSync(join(out, 'icons', '16x16.png'))));
    const blue = all.filter((p) => p.a === 255 && p.b > 120 && p.r < 60);
    const white = all.filter((p) => p.a === 255 && p.r > 200 && p.g > 200 && p.b > 200);
    expect(blue.length).toBeGreaterThanOrEqual(20);
    expect(white.length).toBeGreaterThanOrEqual(10);
  });

  it('the ICO’s directory lists each size once, each entry a PNG of exactly that size, laid out without overlap', () => {
    const data = readFileSync(join(out, 'icon.ico'));
    const { type, entries } = readIco(data);
    expect(type).toBe(1);
    expect(entries.map((e) => e.width)).toEqual([...ICO_SIZES]);
    let end = 6 + 16 * entries.length;
    for (const entry of entries) {
      expect(entry).toMatchObject({ height: entry.width, planes: 1, bitCount: 32 });
      expect(entry.offset).toBeGreaterThanOrEqual(end);
      expect(entry.offset + entry.bytes).toBeLessThanOrEqual(data.length);
      end = entry.offset + entry.bytes;
      const image = decodePng(entry.image);
      expect([image.width, image.height]).toEqual([entry.width, entry.width]);
      expect(pixels(image).some((p) => p.a > 0)).toBe(true);
    }
    expect(end).toBe(data.length);
    // The same image as the Linux PNG of that size: one rendering, two containers.
    const ico16 = entries[0]?.image;
    expect(ico16 && ico16.equals(readFileSync(join(out, 'icons', '16x16.png')))).toBe(true);
  });

  it('assets/icon.svg is the only source: another SVG changes every file, and nothing else comes in', () => {
    const other = mkdtempSync(join(tmpdir(), 'passwort-lotse-icons-other-'));
    try {
      const svg = join(other, 'red.svg');
      writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#ff0000"/></svg>');
      buildIcons(join(other, 'out'), svg);
      for (const file of ['icon.png', ...LINUX_SIZES.map((n) => `icons/${n}x${n}.png`)]) {
        const all = pixels(decodePng(readFileSync(join(other, 'out', file))));
        expect(all.every((p) => p.r === 255 && p.g === 0 && p.b === 0 && p.a === 255)).toBe(true);
      }
      for (const entry of readIco(readFileSync(join(other, 'out', 'icon.ico'))).entries) {
        expect(pixels(decodePng(entry.image)).every((p) => p.r === 255 && p.a === 255)).toBe(true);
      }
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    expect(readFileSync(ICON_SVG, 'utf8')).toContain('<svg');
  });

  it('electron-builder takes them where electron-builder.yml points: the ICO for Windows, the PNG set for Linux', async () => {
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
    // As electron-builder looks: in directories.buildResources first, then in the project folder.
    const roots = [join(project, config['directories']['buildResources']), project];
    const common = { fallbackSources: [], roots, outDir: join(project, 'dist', '.icons') };
    const ico = await convertIcon({ ...common, sources: [config['win']['icon']], format: 'ico' });
    expect(ico).toEqual({ icons: [{ file: join(out, 'icon.ico'), size: 256 }], isFallback: false });
    const set = await convertIcon({ ...common, sources: [config['linux']['icon']], format: 'set' });
    expect(set.isFallback).toBe(false);
    expect(set.icons.map((icon) => icon.size)).toEqual([...LINUX_SIZES]);
    expect(set.icons.map((icon) => relative(out, icon.file).replaceAll('\\', '/'))).toEqual(LINUX_SIZES.map((n) => `icons/${n}x${n}.png`));
  });

  it('is wired: `npm run package` builds the icons first and electron-builder.yml takes the generated files', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['icons']).toBe('tsx scripts/build-icons.ts');
    expect(pkg.scripts['package']).toMatch(/^npm run icons && .*electron-builder/);
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
    expect(config['directories']['buildResources']).toBe('build');
    expect(config['win']['icon']).toBe('build/icon.ico');
    expect(config['linux']['icon']).toBe('build/icons');
    expect(config['nsis']).toMatchObject({ installerIcon: 'build/icon.ico', uninstallerIcon: 'build/icon.ico' });
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('build/');
  });
});
