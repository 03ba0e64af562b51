import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../domain/profile';
import { advisoryTexts, guideTexts, languagesOf } from './local-text';
import { packSchema, type Guide } from './pack-schema';

const pack = packSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'packs', 'medatixx-2021-11.json'), 'utf8')),
);
const guide = (id: string) => pack.guides.find((g) => g.id === id);
/** Every German text of a guide, one a line: what the German checks below read. */
const germanOf = (g: Guide | undefined) => (g ? guideTexts(g).map((text) => text.de) : []).join('\n');

describe('the bundled medatixx pack is faithful to the advisory', () => {
  it('names the vendor and the date of the notice', () => {
    expect(pack.advisory).toMatchObject({ issuer: 'medatixx GmbH & Co. KG', date: '2021-11-08' });
  });

  it.each(PRODUCTS.map((p) => [p]))('has the Praxissoftware guide for %s in the vendor’s version and date', (product) => {
    const g = guide(`pvs-${product}`);
    const expected = product === 'x.comfort' ? { version: '1.1', date: '2021-11-09' } : { version: '1.0', date: '2021-11-08' };
    expect(g).toMatchObject({ target: 'pvs', products: [product], ...expected });
    expect(g?.vendorDocument?.de).toContain(`Version ${expected.version} vom ${expected.date.split('-').reverse().join('.')}`);
  });

  it('keeps 1.0 in the x.comfort changelog and says openly that the changes are not published', () => {
    const changelog = guide('pvs-x.comfort')?.changelog ?? [];
    expect(changelog.map((e) => e.version)).toEqual(['1.0', '1.1']);
    expect(changelog.find((e) => e.version === '1.1')?.note.de).toMatch(/nicht veröffentlicht/);
  });

  it.each(['easymed', 'medatixx', 'x.comfort', 'x.isynet', 'x.vianova'].map((p) => [p]))(
    'has the TI-Konnektor guide for %s, Version 1.0 of 08.11.2021',
    (product) => {
      expect(guide(`connector-${product}`)).toMatchObject({ target: 'connector', products: [product], version: '1.0', date: '2021-11-08' });
    },
  );

  it('has no connector guide for x.concept', () => {
    expect(pack.guides.filter((g) => g.target === 'connector' && g.products.includes('x.concept'))).toEqual([]);
  });

  it('covers what lies outside the practice software', () => {
    for (const id of [
      'windows-workstation',
      'windows-server',
      'firewall',
      'security-system',
      'remote-teamviewer',
      'remote-anydesk',
      'card-terminal',
      'portal-email',
      'portal-kv-portal',
      'portal-banking',
      'team-briefing',
    ]) {
      expect(guide(id), id).toBeDefined();
    }
    expect(germanOf(guide('team-briefing'))).toContain('Art. 33');
    expect(germanOf(guide('team-briefing'))).toMatch(/nie.*per E-Mail/);
    expect(guide('remote-teamviewer')?.steps.length).toBeGreaterThanOrEqual(3);
  });

  it('gives every step a source', () => {
    for (const g of pack.guides) for (const step of g.steps) expect(step.source.de.trim().length, `${g.id}/${step.id}`).toBeGreaterThan(5);
  });

  it('invents no menu path for medatixx products: vendor-specific points name the vendor’s guide', () => {
    const basedOnVendor = pack.guides.filter((x) => x.vendorDocument);
    expect(basedOnVendor).toHaveLength(11);
    for (const g of basedOnVendor) {
      expect(JSON.stringify(g.steps)).not.toMatch(/→/);
      expect(g.steps.some((s) => s.text.de.includes(g.vendorDocument?.de ?? '§§'))).toBe(true);
    }
  });

  it('leaves database passwords of x.isynet and x.vianova to the IT partner, with the known facts', () => {
    for (const product of ['x.isynet', 'x.vianova']) {
      const step = guide(`pvs-${product}`)?.steps.find((s) => s.id === 'database-logins');
      expect(step?.text.de).toMatch(/WINACS/);
      expect(step?.text.de).toMatch(/IT-Partner/);
      expect(step?.text.de).toMatch(/nicht öffentlich bekannt/);
    }
  });

  it('has a "Was ist passiert?" page with dates, what is known and what is not', () => {
    expect(pack.advisory.timeline.map((e) => e.date)).toEqual(['2021-11-03', '2021-11-04', '2021-11-08', '2021-11-09']);
    expect(pack.advisory.known.length).toBeGreaterThan(3);
    expect(pack.advisory.unknown.map((line) => line.de).join(' ')).toMatch(/x\.comfort/);
  });

  it('shows Passwort-Lotse as the author of every guide; the vendor only as the document a guide refers to', () => {
    for (const g of pack.guides) expect(g.issuer, g.id).toBe('Passwort-Lotse');
    for (const g of pack.guides.filter((x) => x.vendorDocument)) {
      expect(g.vendorDocument?.de, g.id).toMatch(
        /^„Passwortänderung (in der Praxissoftware|am TI-Konnektor)“ für \S+, Version \d\.\d vom \d\d\.\d\d\.2021$/,
      );
    }
    // Our own guides carry the date of the pack's content, not one that looks like a vendor document's of 2021.
    for (const g of pack.guides.filter((x) => !x.vendorDocument)) expect(g.date, g.id).not.toMatch(/^2021-/);
  });

  it('says where the vendor’s short guides are and never that they are unpublished', () => {
    for (const g of pack.guides.filter((x) => x.vendorDocument)) {
      const step = g.steps.find((s) => s.id === 'vendor-guide');
      expect(step?.text.de, g.id).toContain('Website der medatixx GmbH');
      expect(step?.text.de, g.id).toContain('Wortlaut nicht wieder');
    }
    expect(JSON.stringify(pack.guides)).not.toMatch(
      /medatixx hat sie nicht veröffentlicht|Kurzanleitung nicht öffentlich|Herstelleranleitung nicht öffentlich/,
    );
  });

  it('cites x.comfort 1.1 by the seed (09.11.2021), not by the notice of 08.11.2021', () => {
    const source = guide('pvs-x.comfort')?.steps.find((s) => s.id === 'vendor-guide')?.source.de;
    expect(source).toMatch(/Version 1\.1 vom 09\.11\.2021/);
    expect(source).not.toMatch(/08\.11\.2021/);
  });

  it('gives every step a checkable source or labels it as our own advice', () => {
    const allowed = [
      /Allgemeine Empfehlung \(Passwort-Lotse\)/,
      /medatixx-Kundeninformation[^;]*08\.11\.2021/,
      /Meldung zum Cyberangriff auf medatixx \(Blogbeitrag mit der Liste der Kurzanleitungen\)/,
      /Berichterstattung zum Angriff/,
      /BSI IT-Grundschutz-Kompendium, [A-Z]{2,4}(\.\d+)+\.A\d+/,
      /BSI IT-Grundschutz ORP\.4\.A\d+/,
      /BSI, „Sichere Passwörter erstellen“/,
      /KBV-IT-Sicherheitsrichtlinie[^;]*(Anlage \d+)/,
      /KBV \/ KV Berlin|KV Berlin|KV Nordrhein|KZV Nordrhein|Hessische Beauftragte für Datenschutz/,
      /DSGVO Art\. 33/,
      /(Administratorhandbuch|Handbuch|Handbücher|Anleitung|Hilfe|Schnittstellenbeschreibung|Support-Seiten)[^;]*/,
      /Microsoft Learn|gematik|heise, „/,
    ];
    for (const g of pack.guides)
      for (const step of g.steps)
        expect(
          allowed.some((re) => re.test(step.source.de)),
          `${g.id}/${step.id}: ${step.source.de}`,
        ).toBe(true);
  });

  // Depends on the English the bundled pack carries (format 2): the app falls back to German only for other packs.
  it('carries every text in German and English, the English never empty and never the German word for word in a step', () => {
    expect(pack.schemaVersion).toBe(2);
    expect(languagesOf(advisoryTexts(pack.advisory)), 'advisory').toEqual(['de', 'en']);
    for (const g of pack.guides) {
      expect(languagesOf(guideTexts(g)), g.id).toEqual(['de', 'en']);
      for (const step of g.steps) {
        expect(step.text.en?.trim(), `${g.id}/${step.id}`).toBeTruthy();
        expect(step.text.en, `${g.id}/${step.id}`).not.toBe(step.text.de);
      }
    }
  });
});
