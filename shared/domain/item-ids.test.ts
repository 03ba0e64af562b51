import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { profileChangeSchema } from '../journal/events';
import { profileChanges } from '../journal/profile-changes';
import { slugOf, withStableIds } from './item-ids';
import { defaultProfile, profileSchema, type Profile } from './profile';

/** The Einrichtung as the renderer sends it: new items carry a random id made in the browser. */
function typedIn(computers: readonly [string, boolean][], terminals: readonly string[] = []): Profile {
  return {
    ...defaultProfile(),
    products: ['x.comfort'],
    connector: 'yes',
    connectorModel: 'kocobox',
    computers: computers.map(([name, server]) => ({ id: randomUUID(), name, server })),
    cardTerminals: terminals.map((model) => ({ id: randomUUID(), model })),
  };
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('slugOf', () => {
  it.each([
    ['Empfang 1', 'empfang-1'],
    ['Büro Süß', 'buero-suess'],
    ['Ärztezimmer Öffentlich Übergang', 'aerztezimmer-oeffentlich-ueber'],
    ['ORGA 6141 online', 'orga-6141-online'],
    ['Café / Küche', 'cafe-kueche'],
    ['  --Labor--  ', 'labor'],
    ['Sprechzimmer Dr. Weiß (links)', 'sprechzimmer-dr-weiss-links'],
    ['!!!', ''],
  ])('%s → %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });

  it('is at most 30 characters and never ends with a dash', () => {
    const slug = slugOf('Sprechzimmer der Gemeinschaftspraxis am Markt');
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toBe('sprechzimmer-der-gemeinschafts');
    expect(slugOf('Sprechzimmer der Gemeinschaft - Nord')).toBe('sprechzimmer-der-gemeinschaft');
  });
});

describe('withStableIds', () => {
  it('gives the same names the same ids on two PCs', () => {
    const names: [string, boolean][] = [
      ['Empfang 1', false],
      ['Sprechzimmer Dr. Weiß', false],
      ['Labor', false],
      ['Praxisserver', true],
    ];
    const pcA = withStableIds(typedIn(names, ['ORGA 6141 online', 'Cherry ST-1506']), defaultProfile());
    const pcB = withStableIds(typedIn(names, ['ORGA 6141 online', 'Cherry ST-1506']), defaultProfile());
    expect(ids(pcA.computers)).toEqual(['pc-empfang-1', 'pc-sprechzimmer-dr-weiss', 'pc-labor', 'pc-praxisserver']);
    expect(ids(pcA.cardTerminals)).toEqual(['kt-orga-6141-online', 'kt-cherry-st-1506']);
    expect(pcB).toEqual(pcA);
    expect(profileSchema.safeParse(pcA).success).toBe(true);
  });

  it('spells umlauts out', () => {
    const profile = withStableIds(typedIn([['Büro Ärztin Müller', false]]), defaultProfile());
    expect(ids(profile.computers)).toEqual(['pc-buero-aerztin-mueller']);
  });

  it('numbers items of the same name in the order entered', () => {
    const profile = withStableIds(
      typedIn(
        [
          ['Empfang', false],
          ['Empfang', false],
          ['Labor', false],
          ['empfang', false],
        ],
        ['', ''],
      ),
      defaultProfile(),
    );
    expect(ids(profile.computers)).toEqual(['pc-empfang', 'pc-empfang-2', 'pc-labor', 'pc-empfang-3']);
    expect(ids(profile.cardTerminals)).toEqual(['kt-kartenterminal', 'kt-kartenterminal-2']);
  });

  it('falls back to the kind when a name has no letters or digits', () => {
    const profile = withStableIds(typedIn([['???', false]]), defaultProfile());
    expect(ids(profile.computers)).toEqual(['pc-computer']);
  });

  it('keeps the id of an item the practice already had, also when it is renamed', () => {
    const saved = withStableIds(
      typedIn([
        ['Empfang', false],
        ['Labor', false],
      ]),
      defaultProfile(),
    );
    const input: Profile = {
      ...saved,
      computers: [
        { id: 'pc-empfang', name: 'Anmeldung', server: false },
        { id: 'pc-labor', name: 'Labor', server: true },
        { id: randomUUID(), name: 'Empfang', server: false },
      ],
    };
    const next = withStableIds(input, saved);
    expect(next.computers).toEqual([
      { id: 'pc-empfang', name: 'Anmeldung', server: false },
      { id: 'pc-labor', name: 'Labor', server: true },
      // The new item must not take the id (and so the recorded statuses) of the renamed one.
      { id: 'pc-empfang-2', name: 'Empfang', server: false },
    ]);
  });

  it('keeps ids of a store carried over from version 2', () => {
    const migrated: Profile = { ...defaultProfile(), computers: [{ id: 'c-1', name: 'Empfang 1', server: false }] };
    const next = withStableIds(
      { ...migrated, computers: [...migrated.computers, { id: randomUUID(), name: 'Empfang 1', server: false }] },
      migrated,
    );
    expect(ids(next.computers)).toEqual(['c-1', 'pc-empfang-1']);
  });

  it('does not change its input', () => {
    const input = typedIn([['Empfang', false]]);
    const copy = structuredClone(input);
    withStableIds(input, defaultProfile());
    expect(input).toEqual(copy);
  });
});

describe('profileChanges', () => {
  const before = withStableIds(
    typedIn([
      ['Empfang 1', false],
      ['Sprechzimmer 2', false],
      ['Praxisserver', true],
    ]),
    defaultProfile(),
  );

  it('names nothing when nothing changed', () => {
    expect(profileChanges(before, structuredClone(before))).toEqual([]);
  });

  it('names the first Einrichtung field by field', () => {
    const changes = profileChanges(defaultProfile(), before);
    expect(changes).toEqual([
      { field: 'products', added: ['x.comfort'] },
      { field: 'connector', from: 'unsure', to: 'yes' },
      { field: 'connectorModel', from: 'unknown', to: 'kocobox' },
      { field: 'computers', added: ['pc-empfang-1=Empfang 1', 'pc-sprechzimmer-2=Sprechzimmer 2', 'pc-praxisserver=Praxisserver'] },
      { field: 'servers', added: ['pc-praxisserver'] },
    ]);
    for (const change of changes) expect(profileChangeSchema.safeParse(change).success).toBe(true);
  });

  it('names added and removed computers, a renamed one, a new server and changed answers', () => {
    const after = withStableIds(
      {
        ...before,
        firewall: 'yes',
        windowsAccounts: 'personal',
        remoteTools: ['teamviewer'],
        computers: [
          { id: 'pc-empfang-1', name: 'Anmeldung', server: false },
          { id: 'pc-praxisserver', name: 'Praxisserver', server: true },
          { id: randomUUID(), name: 'Labor', server: true },
        ],
      },
      before,
    );
    expect(profileChanges(before, after)).toEqual([
      { field: 'remoteTools', added: ['teamviewer'] },
      { field: 'windowsAccounts', from: 'unsure', to: 'personal' },
      { field: 'firewall', from: 'unsure', to: 'yes' },
      {
        field: 'computers',
        added: ['pc-empfang-1=Anmeldung', 'pc-labor=Labor'],
        removed: ['pc-empfang-1=Empfang 1', 'pc-sprechzimmer-2=Sprechzimmer 2'],
      },
      { field: 'servers', added: ['pc-labor'] },
    ]);
  });

  it('names a computer that became a server, and card terminals and products taken away', () => {
    const withTerminal = withStableIds(
      { ...before, products: ['x.comfort', 'medatixx'], cardTerminals: [{ id: randomUUID(), model: 'ORGA 6141 online' }] },
      before,
    );
    const after: Profile = {
      ...withTerminal,
      products: ['medatixx'],
      cardTerminals: [],
      computers: withTerminal.computers.map((c) => (c.id === 'pc-sprechzimmer-2' ? { ...c, server: true } : c)),
    };
    expect(profileChanges(withTerminal, after)).toEqual([
      { field: 'products', removed: ['x.comfort'] },
      { field: 'servers', added: ['pc-sprechzimmer-2'] },
      { field: 'cardTerminals', removed: ['kt-orga-6141-online=ORGA 6141 online'] },
    ]);
  });
});
