import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packSchema } from '../advisory/pack-schema';
import { defaultProfile, PRODUCTS, type Product, type Profile } from './profile';
import { deriveTasks } from './tasks';

const pack = packSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'packs', 'medatixx-2021-11.json'), 'utf8')),
);
const profile = (patch: Partial<Profile>): Profile => ({ ...defaultProfile(), completed: true, ...patch });
const ids = (p: Profile) => deriveTasks(p, pack).map((task) => task.id);

describe('deriveTasks', () => {
  it.each(PRODUCTS.map((product) => [product]))('%s alone, with a connector', (product: Product) => {
    const tasks = deriveTasks(profile({ products: [product], connector: 'yes', firewall: 'no', securitySystem: 'no' }), pack);
    const pvs = tasks.find((task) => task.id === `pvs:${product}`);
    expect(pvs).toMatchObject({ kind: 'pvs', area: 'pvs', guideId: `pvs-${product}`, audience: 'praxis' });
    const connector = tasks.find((task) => task.id === `connector:${product}`);
    if (product === 'x.concept') expect(connector).toBeUndefined();
    else expect(connector).toMatchObject({ kind: 'connector', area: 'connector', guideId: `connector-${product}`, audience: 'it-partner' });
    expect(tasks.at(-1)?.id).toBe('team-briefing');
  });

  it.each(PRODUCTS.map((product) => [product]))('%s alone, without a connector, has no connector task', (product: Product) => {
    expect(ids(profile({ products: [product], connector: 'no' })).filter((id) => id.startsWith('connector:'))).toEqual([]);
  });

  it('treats "not sure" about the connector as present, so the IT partner checks it', () => {
    expect(ids(profile({ products: ['easymed'], connector: 'unsure' }))).toContain('connector:easymed');
  });

  it('gives one PVS task per product and one connector task per product with a connector guide, in combination', () => {
    const list = ids(profile({ products: ['x.concept', 'x.isynet', 'medatixx'], connector: 'yes' }));
    expect(list.filter((id) => id.startsWith('pvs:'))).toEqual(['pvs:x.concept', 'pvs:x.isynet', 'pvs:medatixx', 'pvs:database']);
    expect(list.filter((id) => id.startsWith('connector:'))).toEqual(['connector:x.isynet', 'connector:medatixx']);
  });

  it('x.comfort follows guide version 1.1 of 09.11.2021, its connector guide version 1.0 of 08.11.2021', () => {
    const tasks = deriveTasks(profile({ products: ['x.comfort'], connector: 'yes' }), pack);
    const guideOf = (id: string) => pack.guides.find((g) => g.id === tasks.find((t) => t.id === id)?.guideId);
    expect(guideOf('pvs:x.comfort')).toMatchObject({ version: '1.1', date: '2021-11-09' });
    expect(guideOf('connector:x.comfort')).toMatchObject({ version: '1.0', date: '2021-11-08' });
  });

  it('makes a Windows task per computer, the server one for the IT partner', () => {
    const tasks = deriveTasks(
      profile({
        computers: [
          { id: 'a', name: 'Empfang 1', server: false },
          { id: 's', name: 'Server', server: true },
        ],
      }),
      pack,
    );
    expect(tasks.find((t) => t.id === 'windows:a')).toMatchObject({
      kind: 'windows-workstation',
      subject: 'Empfang 1',
      audience: 'praxis',
    });
    expect(tasks.find((t) => t.id === 'server:s')).toMatchObject({ kind: 'windows-server', subject: 'Server', audience: 'it-partner' });
  });

  it('gives a server and a workstation with the same computer id different task ids', () => {
    const computer = { id: 'c-1', name: 'Empfang', server: false };
    expect(ids(profile({ computers: [computer] }))).toContain('windows:c-1');
    expect(ids(profile({ computers: [{ ...computer, server: true }] }))).toContain('server:c-1');
    expect(ids(profile({ computers: [{ ...computer, server: true }] }))).not.toContain('windows:c-1');
  });

  it('keeps ids stable when a computer is added or removed', () => {
    const one = { id: 'c-1', name: 'Empfang 1', server: false };
    const two = { id: 'c-2', name: 'Sprechzimmer 2', server: false };
    const three = { id: 'c-3', name: 'Labor', server: false };
    const before = ids(profile({ computers: [one, two] }));
    const added = ids(profile({ computers: [one, two, three] }));
    const removed = ids(profile({ computers: [two, three] }));
    expect(added).toEqual(expect.arrayContaining(before));
    expect(added).toContain('windows:c-3');
    expect(removed).toContain('windows:c-2');
    expect(removed).not.toContain('windows:c-1');
  });

  it('covers remote tools, firewall, security system, card terminals, portals and the team briefing', () => {
    const list = ids(
      profile({
        remoteTools: ['teamviewer', 'anydesk', 'vendor', 'other'],
        firewall: 'yes',
        securitySystem: 'unsure',
        windowsAccounts: 'personal',
        cardTerminals: [{ id: 't-1', model: 'ORGA 6141 online' }],
        portals: ['email', 'kv-portal', 'banking', 'other'],
      }),
    );
    expect(list.sort()).toEqual(
      [
        'phishing-warning',
        // No software named and the connector unknown: the general connector guide.
        'connector:general',
        'remote:all',
        'remote:teamviewer',
        'remote:anydesk',
        'remote:vendor',
        'remote:other',
        'windows:general',
        'vendor-accounts',
        'firewall',
        'security-system',
        'card-terminal:t-1',
        'portal:email',
        'portal:kv-portal',
        'portal:banking',
        'portal:other',
        'team-briefing',
      ].sort(),
    );
  });

  it('orders by risk: the phishing warning, remote and connector, then server, admin accounts, firewall and e-mail, then PVS, then workstations and portals', () => {
    const list = ids(
      profile({
        products: ['x.comfort'],
        connector: 'yes',
        remoteTools: ['teamviewer'],
        computers: [
          { id: 'w', name: 'Empfang 1', server: false },
          { id: 's', name: 'Server', server: true },
        ],
        windowsAccounts: 'shared',
        firewall: 'yes',
        securitySystem: 'no',
        portals: ['kv-portal', 'email'],
        cardTerminals: [{ id: 't', model: '' }],
      }),
    );
    expect(list).toEqual([
      'phishing-warning',
      'remote:teamviewer',
      'remote:all',
      'connector:x.comfort',
      'server:s',
      'windows:general',
      'firewall',
      'vendor-accounts',
      'portal:email',
      'pvs:x.comfort',
      'pvs:database',
      'windows:shared-accounts',
      'windows:w',
      'card-terminal:t',
      'portal:kv-portal',
      'team-briefing',
    ]);
  });

  it('is deterministic and gives every task a guide in the pack', () => {
    const p = profile({ products: [...PRODUCTS], connector: 'yes', remoteTools: ['teamviewer'], portals: ['email'] });
    expect(deriveTasks(p, pack)).toEqual(deriveTasks(p, pack));
    for (const task of deriveTasks(p, pack)) expect(pack.guides.some((g) => g.id === task.guideId)).toBe(true);
  });
});

describe('every answer of the Einrichtung changes what is derived', () => {
  const base = profile({ products: ['x.comfort'], connector: 'yes', remoteTools: ['teamviewer'], windowsAccounts: 'personal' });
  const changes = (patch: Partial<Profile>) => {
    const before = JSON.stringify(deriveTasks(base, pack));
    return JSON.stringify(deriveTasks({ ...base, ...patch }, pack)) !== before;
  };

  it.each<[string, Partial<Profile>]>([
    ['products: another product', { products: ['x.comfort', 'medatixx'] as Product[] }],
    ['products: „Weiß nicht“ as well', { productsUnsure: true }],
    ['connector: no', { connector: 'no' as const }],
    ['connector: unsure', { connector: 'unsure' as const, products: ['x.concept'] as Product[] }],
    ['card terminals: one', { cardTerminals: [{ id: 'kt-a', model: 'ORGA 6141 online' }] }],
    ['computers: one', { computers: [{ id: 'pc-a', name: 'Empfang', server: false }] }],
    ['computers: a server', { computers: [{ id: 'pc-s', name: 'Server', server: true }] }],
    ['Windows sign-in: shared', { windowsAccounts: 'shared' as const }],
    ['Windows sign-in: unsure', { windowsAccounts: 'unsure' as const }],
    ['remote: none named', { remoteTools: [] }],
    ['remote: unsure', { remoteTools: ['unsure'] as Profile['remoteTools'] }],
    ['remote: AnyDesk', { remoteTools: ['anydesk'] as Profile['remoteTools'] }],
    ['firewall: no', { firewall: 'no' as const }],
    ['security system: no', { securitySystem: 'no' as const }],
    ['portals: e-mail', { portals: ['email'] as Profile['portals'] }],
    ...(['kim', 'nas-backup', 'kv-portal', 'banking', 'wifi', 'phone-system', 'website', 'other', 'unsure'] as const).map(
      (portal): [string, Partial<Profile>] => [`further accounts: ${portal}`, { portals: [portal] }],
    ),
  ])('%s', (_label, patch) => {
    expect(changes(patch)).toBe(true);
  });

  it('the connector model changes nothing derived yet (the guide is tailored to it), and is kept', () => {
    // Recorded in the profile and shown in the summary; the model-specific steps come with the guide.
    expect(changes({ connectorModel: 'secunet' })).toBe(false);
  });

  it('"Weiß nicht" about the remote tools puts finding every remote access first', () => {
    expect(ids({ ...base, remoteTools: ['unsure'] }).filter((id) => id.startsWith('remote:'))).toEqual(['remote:all']);
    expect(ids({ ...base, remoteTools: ['unsure', 'anydesk'] }).filter((id) => id.startsWith('remote:'))).toEqual([
      'remote:all',
      'remote:anydesk',
    ]);
    expect(ids(base).filter((id) => id.startsWith('remote:'))).toEqual(['remote:teamviewer', 'remote:all']);
  });

  it.each(['x.concept'] as Product[])('a connector with %s (no vendor connector guide) gets the general connector task', (product) => {
    for (const connector of ['yes', 'unsure'] as const) {
      const tasks = deriveTasks(profile({ products: [product], connector }), pack);
      expect(tasks.find((t) => t.id === 'connector:general')).toMatchObject({
        kind: 'connector-general',
        area: 'connector',
        audience: 'it-partner',
      });
    }
    expect(ids(profile({ products: [product], connector: 'no' }))).not.toContain('connector:general');
    expect(ids(profile({ products: [product, 'x.comfort'], connector: 'yes' }))).not.toContain('connector:general');
  });

  it('a practice that lists no computer still gets the general Windows task, and the phishing warning comes first', () => {
    const tasks = deriveTasks(profile({ products: ['easymed'] }), pack);
    expect(tasks[0]).toMatchObject({ id: 'phishing-warning', audience: 'praxis' });
    expect(tasks.find((t) => t.id === 'windows:general')).toMatchObject({ area: 'windows', audience: 'it-partner' });
  });

  it('no high-risk area can end up without a task, whatever the answers', () => {
    const answers = {
      connector: ['yes', 'no', 'unsure'] as const,
      windowsAccounts: ['personal', 'shared', 'unsure'] as const,
      firewall: ['yes', 'no', 'unsure'] as const,
      securitySystem: ['yes', 'no', 'unsure'] as const,
    };
    const remoteChoices: Profile['remoteTools'][] = [[], ['unsure'], ['teamviewer'], ['vendor', 'other']];
    for (const product of PRODUCTS)
      for (const connector of answers.connector)
        for (const windowsAccounts of answers.windowsAccounts)
          for (const remoteTools of remoteChoices) {
            const p = profile({ products: [product], connector, windowsAccounts, remoteTools, firewall: 'no', securitySystem: 'no' });
            const tasks = deriveTasks(p, pack);
            const areas = new Set(tasks.map((t) => t.area));
            // Remote access, Windows accounts and the practice software always; the connector whenever it may exist.
            expect(areas.has('remote'), JSON.stringify(p)).toBe(true);
            expect(areas.has('windows'), JSON.stringify(p)).toBe(true);
            expect(areas.has('pvs'), JSON.stringify(p)).toBe(true);
            if (connector !== 'no') expect(areas.has('connector'), JSON.stringify(p)).toBe(true);
            expect(tasks[0]?.id).toBe('phishing-warning');
          }
  });

  it.each([
    ['kim', 'kim-kv-connect', 'other', 'it-partner'],
    ['nas-backup', 'nas-backup', 'windows', 'it-partner'],
    ['wifi', 'wifi', 'windows', 'it-partner'],
    ['phone-system', 'phone-system', 'other', 'it-partner'],
    ['website', 'website-portals', 'other', 'praxis'],
    ['unsure', 'accounts-inventory', 'other', 'it-partner'],
  ] as const)('the further account „%s“ gets its task and guide', (portal, guideId, area, audience) => {
    const task = deriveTasks({ ...base, portals: [portal] }, pack).find((t) => t.id === `portal:${portal}`);
    expect(task).toMatchObject({ kind: 'portal', guideId, area, audience });
  });

  it('the vendor accounts and the database logins of the practice software are always tasks', () => {
    const list = deriveTasks(base, pack);
    expect(list.find((t) => t.id === 'vendor-accounts')).toMatchObject({ audience: 'praxis', area: 'other' });
    expect(list.find((t) => t.id === 'pvs:database')).toMatchObject({ audience: 'it-partner', area: 'pvs' });
  });

  it('„Weiß nicht“ about the practice software: finding it out is a task, and the connector and database tasks stay', () => {
    const tasks = deriveTasks(profile({ products: [], productsUnsure: true, connector: 'unsure' }), pack);
    expect(tasks.find((t) => t.id === 'pvs:unknown')).toMatchObject({
      kind: 'pvs-unknown',
      area: 'pvs',
      audience: 'praxis',
      guideId: 'pvs-unknown',
    });
    expect(tasks.map((t) => t.id)).toEqual(expect.arrayContaining(['connector:general', 'pvs:database', 'remote:all', 'windows:general']));
    expect(tasks[0]?.id).toBe('phishing-warning');
  });
});
