import type { Profile } from '../../../../../shared/domain/profile';
import type { Role, Settings } from '../../../../../shared/state/settings';

/** The Einrichtung's answers: the practice's profile, and the names and role kept in the settings. */
export type SetupDraft = Profile & Pick<Settings, 'practiceName' | 'userName'> & { role: Role };

/** What every question gets: the answers so far and a way to change some of them. */
export interface QuestionProps {
  /** The wizard's id: a question's fields take ids after it. */
  id: string;
  draft: SetupDraft;
  update: (patch: Partial<SetupDraft>) => void;
}

/** The id of a question's one answer field, which the heading labels (practice and user). */
export const answerId = (id: string) => `${id}-answer`;

export function draftOf(profile: Profile, settings: Pick<Settings, 'practiceName' | 'userName' | 'role'>): SetupDraft {
  return { ...profile, practiceName: settings.practiceName, userName: settings.userName, role: settings.role ?? 'praxis' };
}

/** The profile part of the answers, as main stores it (the names and role are settings, saved on their own). */
export function profileOf({ practiceName: _practiceName, userName: _userName, role: _role, ...profile }: SetupDraft): Profile {
  return profile;
}

export const newId = () => crypto.randomUUID();

export const toggle = <T>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
