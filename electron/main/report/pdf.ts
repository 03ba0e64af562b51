import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { NachweisModel, WorksheetModel } from '../../../shared/report/nachweis';

/** The part of pdfmake's Node build (0.3) this module uses; its bundled types describe the browser build. */
interface PdfMakeNode {
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let engine: PdfMakeNode | undefined;

/**
 * pdfmake with its Roboto fonts (from the pdfmake package; umlauts and ß included) embedded in every PDF. No URL is
 * ever fetched and no file but the four fonts is read, whatever a document contains.
 */
function pdfmake(): PdfMakeNode {
  if (engine) return engine;
  const loaded = require('pdfmake') as PdfMakeNode;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
  const font = (name: string) => join(fontDir, `Roboto-${name}.ttf`);
  const fonts = { normal: font('Regular'), bold: font('Medium'), italics: font('Italic'), bolditalics: font('MediumItalic') };
  const allowed = new Set(Object.values(fonts));
  loaded.setFonts({ Roboto: fonts });
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy((path) => allowed.has(path));
  engine = loaded;
  return loaded;
}

/** Characters the embedded fonts lack, drawn with one they have (the Protokoll's "Offen → Erledigt"). */
const SUBSTITUTES: [RegExp, string][] = [[/→/g, '»']];

/** Every string of a document with the substitutes applied (text runs, table cells, list items). */
function withDrawableText<T>(node: T): T {
  if (typeof node === 'string') return SUBSTITUTES.reduce<string>((text, [from, to]) => text.replace(from, to), node) as T;
  if (Array.isArray(node)) return node.map((item: unknown) => withDrawableText(item)) as T;
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withDrawableText(value)])) as T;
  }
  return node;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake().createPdf(withDrawableText(doc)).getBuffer();
}

/** A heading is never the last thing on a page: it moves to the next with what it introduces. */
const keepHeadingsWithContent: TDocumentDefinitions['pageBreakBefore'] = (node, queries) =>
  node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0;

const BASE = {
  pageBreakBefore: keepHeadingsWithContent,
  pageSize: 'A4' as const,
  pageMargins: [48, 56, 48, 56] as [number, number, number, number],
  defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: '#1a1a1a' },
  styles: {
    title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] as [number, number, number, number] },
    subtitle: { fontSize: 9.5, color: '#444444', margin: [0, 0, 0, 12] as [number, number, number, number] },
    h2: { fontSize: 12.5, bold: true, margin: [0, 14, 0, 6] as [number, number, number, number] },
    h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] as [number, number, number, number] },
    th: { bold: true, fillColor: '#eeeeee' },
    small: { fontSize: 8, color: '#444444' },
    mono: { fontSize: 7.5 },
  },
};

/** `**bold**` of a step as pdfmake text runs. */
export function richText(text: string): Content[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('**') && part.endsWith('**') ? { text: part.slice(2, -2), bold: true } : { text: part }));
}

const header = (cells: string[]) => cells.map((text) => ({ text, style: 'th' }));
const footer =
  (label: (page: number, pages: number) => string, left: string) =>
  (page: number, pages: number): Content => ({
    columns: [
      { text: left, style: 'small' },
      { text: label(page, pages), style: 'small', alignment: 'right' },
    ],
    margin: [48, 20, 48, 0],
  });

/** The Nachweis as a pdfmake document: facts, tasks by area, what is open, the Protokoll, the chains, signatures. */
export function nachweisDocument(model: NachweisModel): TDocumentDefinitions {
  const content: Content[] = [
    { text: model.title, style: 'title' },
    { text: model.subtitle, style: 'subtitle' },
    {
      table: { widths: [110, '*'], body: model.facts.map((fact) => [{ text: fact.label, bold: true }, fact.value]) },
      layout: 'lightHorizontalLines',
    },
    { text: model.tasksHeading, style: 'h2', headlineLevel: 1 },
  ];
  for (const area of model.areas) {
    content.push({ text: area.heading, style: 'h3', headlineLevel: 1 });
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 62, 60, 62, 120],
        body: [
          header(model.taskColumns),
          ...area.rows.map((row) => [
            row.reason ? { stack: [row.task, { text: row.reason, italics: true }] } : row.task,
            row.status,
            row.by,
            row.at,
            row.guide,
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  content.push({ text: model.openHeading, style: 'h2', headlineLevel: 1 });
  content.push(
    model.open.length === 0 ? { text: model.noneOpen } : { ul: model.open.map((row) => `${row.task} – ${row.status} (${row.audience})`) },
  );
  content.push({ text: model.protocolHeading, style: 'h2', pageBreak: 'before' as const });
  content.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [78, 70, 70, '*'],
      body: [header(model.protocolColumns), ...model.protocol.map((row) => [row.at, row.by, row.computer, row.text])],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
  });
  content.push({ text: model.chainsHeading, style: 'h2', headlineLevel: 1 });
  content.push({ text: model.chainsIntro, margin: [0, 0, 0, 6] });
  // One block per computer: the 64 hex digits of the check value stay on one line, whole and copyable.
  const [, idLabel, countLabel, headLabel, resultLabel] = model.chainColumns;
  for (const chain of model.chains) {
    content.push({
      unbreakable: true,
      margin: [0, 0, 0, 8],
      stack: [
        { text: chain.computer, bold: true },
        { text: [`${idLabel}: `, { text: chain.installationId, style: 'mono' }] },
        { text: `${countLabel}: ${chain.count} · ${resultLabel}: ${chain.result}` },
        { text: `${headLabel}:` },
        { text: chain.head || '–', style: 'mono' },
      ],
    });
  }
  content.push({
    unbreakable: true,
    stack: [
      { text: model.sign.heading, style: 'h2', headlineLevel: 1 },
      { text: model.sign.intro, margin: [0, 0, 0, 18] },
      {
        columns: model.sign.roles.map((role) => ({
          stack: [
            { text: role, bold: true, margin: [0, 0, 0, 26] },
            { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.7 }] },
            { text: model.sign.placeDate, style: 'small', margin: [0, 2, 0, 26] },
            { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.7 }] },
            { text: model.sign.name, style: 'small', margin: [0, 2, 0, 0] },
          ],
        })),
        columnGap: 24,
      },
      { text: model.noPassword, style: 'small', margin: [0, 18, 0, 0] },
    ],
  });
  return {
    ...BASE,
    info: { title: model.title, creator: 'Passwort-Lotse', producer: 'Passwort-Lotse' },
    language: model.language === 'de' ? 'de-DE' : 'en-GB',
    content,
    footer: footer(model.pageLabel, model.footer),
  };
}

/** The work sheet: each chosen task with its steps as tick boxes and room for initials and time. */
export function worksheetDocument(model: WorksheetModel): TDocumentDefinitions {
  const box = { canvas: [{ type: 'rect', x: 0, y: 1, w: 9, h: 9, lineWidth: 0.8 }] } as Content;
  const content: Content[] = [
    { text: model.title, style: 'title' },
    { text: model.header.join(' · '), style: 'subtitle' },
    { text: model.intro, margin: [0, 0, 0, 8] },
  ];
  if (model.tasks.length === 0) content.push({ text: model.none });
  model.tasks.forEach((task, index) => {
    content.push({ text: task.title, style: 'h2', headlineLevel: 1, ...(index > 0 ? { pageBreak: 'before' as const } : {}) });
    content.push({ text: [task.guideLine, '\n', task.status], style: 'small', margin: [0, 0, 0, 6] });
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [14, '*', 44, 44],
        body: [
          ['', '', { text: model.columns.initials, style: 'th' }, { text: model.columns.time, style: 'th' }],
          ...task.steps.map((step, n) => [
            box,
            {
              stack: [
                ...(step.warning
                  ? [
                      {
                        text: [{ text: `${model.labels.warning} `, bold: true }, step.warning],
                        margin: [0, 0, 0, 2] as [number, number, number, number],
                      },
                    ]
                  : []),
                { text: [{ text: `${n + 1}. `, bold: true }, ...richText(step.text)] },
                { text: `${model.labels.source} ${step.source}`, style: 'small' },
              ],
            },
            '',
            '',
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
    content.push({ text: task.done, margin: [0, 10, 0, 0] });
  });
  return {
    ...BASE,
    info: { title: model.title, creator: 'Passwort-Lotse', producer: 'Passwort-Lotse' },
    language: model.language === 'de' ? 'de-DE' : 'en-GB',
    content,
    footer: footer(model.pageLabel, model.footer),
  };
}
