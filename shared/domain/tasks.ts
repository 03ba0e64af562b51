import type { Audience, Guide, Pack } from '../advisory/pack-schema';
import type { Area } from './log';
import type { Product, Profile } from './profile';

export type TaskKind =
  | 'phishing-warning'
  | 'pvs'
  | 'pvs-unknown'
  | 'connector'
  | 'connector-general'
  | 'remote-all'
  | 'windows-general'
  | 'windows-shared-accounts'
  | 'windows-server'
  | 'windows-workstation'
  | 'firewall'
  | 'security-system'
  | 'remote'
  | 'card-terminal'
  | 'portal'
  | 'vendor-accounts'
  | 'pvs-database'
  | 'team-briefing';

/** One thing to do, derived from the profile; its id stays the same as long as its subject exists. */
export interface Task {
  id: string;
  kind: TaskKind;
  area: Area;
  /** Product, computer name, tool or portal the task is about. */
  subject: string;
  guideId: string;
  audience: Audience;
  /** 1 is most urgent. */
  priority: number;
}

/**
 * Risk tiers: first the warning never to give a password away (phishing follows every breach); then remote
 * maintenance and connector (they open the practice to outsiders), then server, Windows administrator accounts,
 * firewall, security console and e-mail (they can reset or guard everything else), then the practice software and
 * shared Windows sign-ins, then workstations, card terminals and portals, then the team briefing.
 */
const TIER: Record<TaskKind, number> = {
  'phishing-warning': 0,
  'remote-all': 1,
  remote: 1,
  connector: 1,
  'connector-general': 1,
  'windows-general': 2,
  'windows-shared-accounts': 3,
  'windows-server': 2,
  firewall: 2,
  'security-system': 2,
  portal: 4,
  pvs: 3,
  'windows-workstation': 4,
  'card-terminal': 4,
  'vendor-accounts': 2,
  'pvs-database': 3,
  'pvs-unknown': 3,
  'team-briefing': 5,
};

const guideFor = (pack: Pick<Pack, 'guides'>, predicate: (guide: Guide) => boolean) => pack.guides.find(predicate);

type Portal = Profile['portals'][number];

/** The guide and Übersicht area of each „Weitere Zugänge“ answer. */
const PORTAL_GUIDE: Record<Portal, { guide: string; area: Area }> = {
  email: { guide: 'portal-email', area: 'other' },
  kim: { guide: 'kim-kv-connect', area: 'other' },
  'nas-backup': { guide: 'nas-backup', area: 'windows' },
  'kv-portal': { guide: 'portal-kv-portal', area: 'other' },
  banking: { guide: 'portal-banking', area: 'other' },
  wifi: { guide: 'wifi', area: 'windows' },
  'phone-system': { guide: 'phone-system', area: 'other' },
  website: { guide: 'website-portals', area: 'other' },
  other: { guide: 'portal-other', area: 'other' },
  unsure: { guide: 'accounts-inventory', area: 'other' },
};
const PORTAL_TIER: Record<Portal, number> = {
  email: 2,
  kim: 2,
  'nas-backup': 2,
  unsure: 2,
  'kv-portal': 4,
  banking: 4,
  wifi: 4,
  'phone-system': 4,
  website: 4,
  other: 4,
};

/** Derive the practice's tasks from its answers and the advisory pack; pure and deterministic. */
export function deriveTasks(profile: Profile, pack: Pick<Pack, 'guides'>): Task[] {
  const tasks: Task[] = [];
  const add = (id: string, kind: TaskKind, area: Area, subject: string, guide: Guide | undefined, tier = TIER[kind]) => {
    if (guide) tasks.push({ id, kind, area, subject, guideId: guide.id, audience: guide.audience, priority: tier });
  };
  const byProduct = (target: Guide['target'], product: Product) =>
    guideFor(pack, (g) => g.target === target && g.products.includes(product));
  const byId = (guideId: string) => guideFor(pack, (g) => g.id === guideId);
  const addPortal = (portal: Portal) => {
    const { guide, area } = PORTAL_GUIDE[portal];
    add(`portal:${portal}`, 'portal', area, portal, byId(guide), PORTAL_TIER[portal]);
  };

  add('phishing-warning', 'phishing-warning', 'other', '', byId('phishing-warning'));
  const connectorPresent = profile.connector !== 'no';
  // "Weiß nicht" which remote tools: finding every remote access comes first then; otherwise after the known tools.
  const remoteUnknown = profile.remoteTools.includes('unsure');
  if (remoteUnknown) add('remote:all', 'remote-all', 'remote', '', byId('remote-all-access'));
  for (const tool of profile.remoteTools.filter((t) => t !== 'unsure'))
    add(`remote:${tool}`, 'remote', 'remote', tool, byId(`remote-${tool}`));
  // Always: the IT partner's own tools, router access, open ports, RDP and VPN are found only by looking.
  if (!remoteUnknown) add('remote:all', 'remote-all', 'remote', '', byId('remote-all-access'));
  if (connectorPresent) {
    const before = tasks.length;
    for (const product of profile.products) add(`connector:${product}`, 'connector', 'connector', product, byProduct('connector', product));
    // No vendor guide for this practice's software (x.concept) or its software is unknown: the general guide.
    if (tasks.length === before) add('connector:general', 'connector-general', 'connector', '', byId('connector-general'));
  }
  for (const computer of profile.computers.filter((c) => c.server)) {
    // Its own id prefix: ticking "is a server" must not turn a done workstation task into a done server task.
    add(`server:${computer.id}`, 'windows-server', 'windows', computer.name, byId('windows-server'));
  }
  // Administrator, domain, service and former staff accounts exist whether or not computers were listed.
  add('windows:general', 'windows-general', 'windows', '', byId('windows-general'));
  if (profile.firewall !== 'no') add('firewall', 'firewall', 'windows', '', byId('firewall'));
  if (profile.securitySystem !== 'no') add('security-system', 'security-system', 'windows', '', byId('security-system'));
  // Every practice has accounts at its vendor (customer portal, updates, support): always, with the admin accounts.
  add('vendor-accounts', 'vendor-accounts', 'other', '', byId('vendor-accounts'));
  // E-mail, KIM and the backup can reset, read or restore everything else, so they come with the admin accounts;
  // "Weiß nicht" asks the IT partner to go through the list.
  for (const portal of profile.portals.filter((p) => PORTAL_TIER[p] === 2)) addPortal(portal);
  if (profile.productsUnsure) add('pvs:unknown', 'pvs-unknown', 'pvs', '', byId('pvs-unknown'));
  for (const product of profile.products) add(`pvs:${product}`, 'pvs', 'pvs', product, byProduct('pvs', product));
  // The database logins every practice software uses, for the IT partner.
  if (profile.products.length > 0 || profile.productsUnsure) add('pvs:database', 'pvs-database', 'pvs', '', byId('pvs-database'));
  if (profile.windowsAccounts !== 'personal') {
    add('windows:shared-accounts', 'windows-shared-accounts', 'windows', '', byId('windows-shared-accounts'));
  }
  for (const computer of profile.computers.filter((c) => !c.server)) {
    add(`windows:${computer.id}`, 'windows-workstation', 'windows', computer.name, byId('windows-workstation'));
  }
  for (const terminal of profile.cardTerminals)
    add(`card-terminal:${terminal.id}`, 'card-terminal', 'connector', terminal.model, byId('card-terminal'));
  for (const portal of profile.portals.filter((p) => PORTAL_TIER[p] !== 2)) addPortal(portal);
  add('team-briefing', 'team-briefing', 'other', '', byId('team-briefing'));

  // Stable sort: tier first, then the order above (which follows the questions of the Einrichtung).
  return tasks
    .map((task, index) => ({ task, index }))
    .sort((a, b) => a.task.priority - b.task.priority || a.index - b.index)
    .map(({ task }) => task);
}
