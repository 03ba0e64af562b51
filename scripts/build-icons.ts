/**
 * The app icon in every size electron-builder needs, rendered from the one source, assets/icon.svg:
 *   npm run icons                 writes build/ (git-ignored; `npm run package` runs it first)
 *   npm run icons -- <out dir>    writes elsewhere
 *
 *   <out>/icon.png                 1024 × 1024 (electron-builder's general icon)
 *   <out>/icons/<n>x<n>.png        Linux (AppImage, deb): 16, 24, 32, 48, 64, 128, 256, 512
 *   <out>/icon.ico                 Windows (exe, NSIS, MSI, portable): 16, 24, 32, 48, 64, 128, 256
 *
 * Every size is rendered from the SVG itself (resvg), not scaled down from a large PNG, so small sizes stay sharp.
 * The ICO holds PNG-compressed images (allowed since Windows Vista), written here: the container is a 6-byte
 * header and one 16-byte entry per image.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const ICON_SVG = join(root, 'assets', 'icon.svg');
export const MAIN_SIZE = 1024;
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** The SVG rendered to a PNG of size × size pixels (no system fonts: the icon has no text, and builds stay alike). */
export function renderPng(svg: string | Buffer, size: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  const png = resvg.render().asPng();
  return png;
}

/** An ICO file holding the given PNGs, each entry naming its size (0 stands for 256, as the format wants). */
export function icoFromPngs(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = header.length + 16 * images.length;
  for (const { size, png } of images) {
    if (size < 1 || size > 256) throw new RangeError(`ICO images are 1 to 256 pixels wide, not ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0); // width
    entry.writeUInt8(size === 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** Renders every file into outDir; returns the paths written. */
export function buildIcons(outDir: string, svgFile: string = ICON_SVG): string[] {
  const svg = readFileSync(svgFile);
  const written: string[] = [];
  const write = (file: string, data: Buffer) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
    written.push(file);
  };
  const rendered = new Map<number, Buffer>();
  const png = (size: number) => {
    let image = rendered.get(size);
    if (!image) {
      image = renderPng(svg, size);
      rendered.set(size, image);
    }
    return image;
  };

  write(join(outDir, 'icon.png'), png(MAIN_SIZE));
  for (const size of LINUX_SIZES) write(join(outDir, 'icons', `${size}x${size}.png`), png(size));
  write(join(outDir, 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(root, 'build'));
  const written = buildIcons(outDir);
  process.stdout.write(`icons: ${written.length} files from assets/icon.svg in ${outDir}\n`);
}
