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
    expect(list.filter((id) => id.startsWith('pvs:'))).toEqual(['pvs:x.concept', 'pvs:x.isynet', 'pvs:medatixx']);
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
        cardTerminals: [{ id: 't-1', model: 'ORGA 6141 online' }],
        portals: ['email', 'kv-portal', 'banking', 'other'],
      }),
    );
    expect(list.sort()).toEqual(
      [
        'remote:teamviewer',
        'remote:anydesk',
        'remote:vendor',
        'remote:other',
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

  it('orders by risk: remote and connector, then server, firewall and e-mail, then PVS, then workstations and portals', () => {
    const list = ids(
      profile({
        products: ['x.comfort'],
        connector: 'yes',
        remoteTools: ['teamviewer'],
        computers: [
          { id: 'w', name: 'Empfang 1', server: false },
          { id: 's', name: 'Server', server: true },
        ],
        firewall: 'yes',
        securitySystem: 'no',
        portals: ['kv-portal', 'email'],
        cardTerminals: [{ id: 't', model: '' }],
      }),
    );
    expect(list).toEqual([
      'remote:teamviewer',
      'connector:x.comfort',
      'server:s',
      'firewall',
      'portal:email',
      'pvs:x.comfort',
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
