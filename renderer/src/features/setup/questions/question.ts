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

/**
 * The answers to start from: the practice's profile and settings, or, before the first Einrichtung is completed,
 * the IT partner's preset (main sends one only then, and only of this practice). A name already typed is kept.
 */
export function draftOf(
  profile: Profile,
  settings: Pick<Settings, 'practiceName' | 'userName' | 'role'>,
  preset?: { profile: Profile; practiceName: string },
): SetupDraft {
  const base = preset && !profile.completed ? preset.profile : profile;
  const practiceName = settings.practiceName.trim() === '' && preset ? preset.practiceName : settings.practiceName;
  return { ...base, practiceName, userName: settings.userName, role: settings.role ?? 'praxis' };
}

/** The profile part of the answers, as main stores it (the names and role are settings, saved on their own). */
export function profileOf({ practiceName: _practiceName, userName: _userName, role: _role, ...profile }: SetupDraft): Profile {
  return profile;
}

export const newId = () => crypto.randomUUID();

export const toggle = <T>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
