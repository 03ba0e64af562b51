import type { z } from 'zod';
import { profileInputSchema } from '../domain/profile';
import { reasonInputSchema } from '../domain/status';
import { calendarDaySchema, isUtcInstant, type JournalEvent } from '../journal/events';
import { practiceNameInputSchema, userNameInputSchema } from '../state/settings';

/**
 * What an event read from another PC's file may hold: what this app lets a person type, and nothing else.
 *
 * The chains of an import verify, but a chain has no secret key: anybody can write lines whose hashes match. What
 * such a line carries is shown, printed, saved into a Vorgabe and written again (a later rename starts from the
 * practice name it set), so it must pass the rules typed input passes: the names of the practice and the person
 * as in the settings (`settingsPatchSchema`), the profile as the Einrichtung saves it (`profileInputSchema`: no
 * control characters, unique ids, every computer named), the reason for "Nicht zutreffend" as the contract takes
 * it (`reasonInputSchema`), and no unpaired surrogate anywhere (the journal's canonical JSON cannot hold one).
 *
 * An export made by the app holds nothing else: it wrote every line through these rules. The one allowance is for
 * what the app of version 2 recorded and a carry-over kept (`legacy-entry`, `store-migrated`): that app took tabs
 * and line breaks in a reason. Only the new events of an import are checked; this PC's own journal and the journals
 * it merged before are read as they are. Pure.
 */
export function hasTypedContent(event: JournalEvent): boolean {
  return everyString(event, (text) => text.isWellFormed()) && person(event.by) && dataIsTyped(event);
}

function dataIsTyped(event: JournalEvent): boolean {
  switch (event.kind) {
    case 'profile-saved':
      return typed(profileInputSchema, event.data.profile) && everyString(event.data.changes, printable);
    case 'names-changed': {
      const { practice, user } = event.data;
      return (!practice || (practiceName(practice.from) && practiceName(practice.to))) && (!user || (person(user.from) && person(user.to)));
    }
    case 'status-set':
      return guideRef(event.data) && (event.data.reason === undefined || typed(reasonInputSchema, event.data.reason));
    case 'status-undone':
      return guideRef(event.data);
    case 'step-checked':
      return guideRef(event.data) && printable(event.data.stepId);
    case 'pack-applied':
      // Each recheck's reason is the guide's changelog note, which a signed pack holds without control characters.
      return everyString(event.data, printable);
    case 'pack-declined':
      return printable(event.data.packId);
    case 'legacy-entry': {
      const { by, reason, ...rest } = event.data.entry;
      return person(by) && (reason === undefined || versionTwoReason(reason)) && everyString(rest, printable);
    }
    case 'store-migrated': {
      const d = event.data;
      return (
        practiceName(d.practiceName) &&
        typed(profileInputSchema, d.profile) &&
        Object.entries(d.taskStates).every(
          ([taskId, state]) =>
            printable(taskId) &&
            state.checkedSteps.every((step) => printable(step) && step.length <= 80) &&
            state.history.every(
              (entry) =>
                isUtcInstant(entry.at) &&
                person(entry.by) &&
                printable(entry.guideVersion) &&
                entry.guideVersion.length <= 20 &&
                (entry.reason === undefined || versionTwoReason(entry.reason)) &&
                (entry.followUp === undefined || typed(calendarDaySchema, entry.followUp)),
            ),
        )
      );
    }
    case 'follow-up-set':
    case 'chain-break':
      // Days of the calendar-day pattern; a break's description of a damaged line is shown as it was found.
      return true;
  }
}

const typed = (schema: z.ZodType, value: unknown): boolean => schema.safeParse(value).success;
const person = (name: string) => typed(userNameInputSchema, name);
const practiceName = (name: string) => typed(practiceNameInputSchema, name);
/** Ids and versions from a pack, and whatever else no person types: no control characters. */
const printable = (text: string) => !/\p{Cc}/u.test(text);
const guideRef = (d: { guideId: string; guideVersion: string }) => printable(d.guideId) && printable(d.guideVersion);
/** A reason the app of version 2 took: at most 500 characters, tabs and line breaks but no other control character. */
const versionTwoReason = (reason: string) => reason.length <= 500 && !/(?![\t\n\r])\p{Cc}/u.test(reason);

/** Does every string in a JSON value, keys included, pass `test`? */
function everyString(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.every((item) => everyString(item, test));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(([key, item]) => test(key) && everyString(item, test));
  }
  return true;
}
