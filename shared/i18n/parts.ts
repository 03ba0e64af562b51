/**
 * The UI texts in parts, so the renderer's first screen carries only the texts it shows and every other screen loads
 * its own with it. Each text belongs to the part of the longest path listed here that it lies under, so the parts
 * never overlap and together are the whole dictionary (shared/i18n/parts.test.ts checks that, and that every key a
 * screen uses is in a part it has loaded). de.ts and en.ts stay the one source; the build cuts them
 * (scripts/vite-text-parts.ts).
 */
export const TEXT_PARTS = {
  /** The app's frame and the Übersicht, with the words for task titles and the error messages of every action. */
  start: [
    'app',
    'nav',
    'overview',
    'roles',
    'areas',
    'audience',
    'status',
    'errors',
    'tasks.kind',
    'tasks.cardTerminalNumber',
    'tasks.accountsInventory',
    'setup.remote.options',
    'setup.portals.options',
    'exchange',
    'incident.link',
    'preset.contact',
    'preset.contactPhone',
    'passphrase.open',
    'passphrase.openPin',
  ],
  /** What an import shows once a file is chosen: the preview, the refusal and what became of it. */
  exchangeImport: [
    'exchange.previewTitle',
    'exchange.previewFrom',
    'exchange.previewInstallation',
    'exchange.previewInstallationNoPeople',
    'exchange.nothingNew',
    'exchange.conflictsTitle',
    'exchange.conflictsIntro',
    'exchange.conflict',
    'exchange.otherPractice',
    'exchange.confirmOtherPractice',
    'exchange.apply',
    'exchange.cancel',
    'exchange.applied',
    'exchange.cancelled',
    'exchange.refusedTitle',
    'exchange.refusals',
    'exchange.reasonLabel',
    'exchange.reasons',
  ],
  notices: ['notices'],
  tasks: ['tasks'],
  guide: ['guide'],
  protocol: ['protocol'],
  setup: ['setup', 'preset.banner'],
  settings: [
    'settings',
    'advisory',
    'preset.save',
    'preset.sharedRecord',
    'reminders.setting',
    'reminders.settingLabel',
    'reminders.settingHelp',
  ],
  incident: ['incident'],
  /** The passphrase helper's dialog, loaded with it. */
  passphrase: ['passphrase'],
  /** Texts only main uses (PDFs, menu, self-test); never loaded by the renderer. */
  main: ['report', 'worksheet', 'selftest', 'menu', 'reminders'],
} as const satisfies Record<string, readonly string[]>;

export type TextPart = keyof typeof TEXT_PARTS;
/** The parts the renderer may load: all but main's. */
export type RendererPart = Exclude<TextPart, 'main'>;
export const RENDERER_PARTS = (Object.keys(TEXT_PARTS) as TextPart[]).filter((part): part is RendererPart => part !== 'main');

/** The part a dotted key belongs to: the one listing the longest path it lies under; undefined if none lists one. */
export function partOf(key: string): TextPart | undefined {
  let best: { part: TextPart; length: number } | undefined;
  for (const [part, paths] of Object.entries(TEXT_PARTS) as [TextPart, readonly string[]][])
    for (const path of paths)
      if ((key === path || key.startsWith(`${path}.`)) && path.length > (best?.length ?? -1)) best = { part, length: path.length };
  return best?.part;
}

/** The texts of `dictionary` that belong to `part`, nested as in the dictionary. */
export function pickPart(dictionary: object, part: TextPart): Record<string, unknown> {
  const pick = (tree: object, prefix: string): Record<string, unknown> | undefined => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(tree)) {
      const dotted = prefix + key;
      if (typeof value === 'string') {
        if (partOf(dotted) === part) out[key] = value;
      } else if (typeof value === 'object' && value !== null) {
        const inner = pick(value as object, `${dotted}.`);
        if (inner) out[key] = inner;
      }
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  return pick(dictionary, '') ?? {};
}
