import type { PersistedV2 } from '../state/persisted';
import { isUtcInstant, type EventDraft } from './events';

/**
 * The journal events that carry a store of version 2 over, keeping every record.
 *
 * Each Protokoll line becomes a `legacy-entry` event with its own time and person, unchanged; the last event,
 * `store-migrated`, holds the practice name, the profile and every task's status history as the store had them,
 * so the folded state is exactly the old one. Pure.
 */
export function carryOverDrafts(v2: PersistedV2, now: string): EventDraft[] {
  const drafts: EventDraft[] = v2.log.map((entry) => ({
    kind: 'legacy-entry',
    by: entry.by,
    // The line's own time where it is one the journal can record; the entry itself keeps the original either way.
    at: isUtcInstant(entry.at) ? entry.at : now,
    data: { entry },
  }));
  drafts.push({
    kind: 'store-migrated',
    by: v2.settings.userName,
    at: now,
    data: {
      fromVersion: 2,
      practiceName: v2.settings.practiceName,
      profile: v2.profile,
      taskStates: v2.taskStates,
      entries: v2.log.length,
    },
  });
  return drafts;
}
