/**
 * The Windows rule "Password must meet complexity requirements" (Passfilt.dll), as Microsoft documents it in
 * "Password must meet complexity requirements" (MicrosoftDocs/windows-itpro-docs,
 * windows/security/threat-protection/security-policy-settings/password-must-meet-complexity-requirements.md,
 * ms.date 12/31/2017). Not yet in shared/research/; quoted here so that the rule is not invented:
 *
 *   "1. Passwords may not contain the user's samAccountName (Account Name) value or entire displayName (Full Name
 *   value). Neither of these checks is case-sensitive. […] If the samAccountName is fewer than three characters long,
 *   this check is skipped. The displayName is parsed for delimiters: commas, periods, dashes or hyphens, underscores,
 *   spaces, pound signs, and tabs. […] Tokens that are shorter than three characters are ignored […]"
 *   "2. The password contains characters from three of the following categories: Uppercase letters of European
 *   languages […] Lowercase letters of European languages […] Base 10 digits (0 through 9) Non-alphanumeric
 *   characters (special characters): (~!@#$%^&*_-+=`|\(){}[]:;"'<>,.?/) […] Any Unicode character that's
 *   categorized as an alphabetic character but isn't uppercase or lowercase."
 *
 * The minimum length is a separate policy, "Minimum password length": "a value of between 1 and 14 characters, or
 * […] 0" (minimum-password-length.md in the same repository). Our shortest Windows passphrase (4 words of at least 5
 * letters) is longer than 14 characters, so any value of that policy is met.
 */

export type WindowsCharacterCategory = 'upper' | 'lower' | 'digit' | 'special' | 'other-letter';

/** The special characters Microsoft lists. The space is not among them; currency signs do not count. */
const WINDOWS_SPECIALS = new Set([...'~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/']);

export const WINDOWS_MIN_CATEGORIES = 3;
/** Upper bound of the "Minimum password length" policy. */
export const WINDOWS_MAX_MIN_LENGTH_POLICY = 14;

export function windowsCategories(text: string): Set<WindowsCharacterCategory> {
  const found = new Set<WindowsCharacterCategory>();
  for (const c of text) {
    if (/\p{Lu}/u.test(c)) found.add('upper');
    else if (/\p{Ll}/u.test(c)) found.add('lower');
    else if (/[0-9]/u.test(c)) found.add('digit');
    else if (WINDOWS_SPECIALS.has(c)) found.add('special');
    else if (/\p{Alphabetic}/u.test(c)) found.add('other-letter');
  }
  return found;
}

export interface WindowsAccountNames {
  /** The sign-in name (samAccountName), e.g. "empfang". */
  accountName?: string | undefined;
  /** The full name (displayName), e.g. "Anna M. Beispiel". */
  displayName?: string | undefined;
}

/** Whether the password contains the account name or a display-name token, per rule 1 above. */
export function containsWindowsAccountName(password: string, names: WindowsAccountNames): boolean {
  const haystack = password.toLocaleLowerCase();
  const account = names.accountName?.toLocaleLowerCase() ?? '';
  if (account.length >= 3 && haystack.includes(account)) return true;
  const tokens = (names.displayName ?? '').split(/[,.\-_ #\t]/u).filter((token) => token.length >= 3);
  return tokens.some((token) => haystack.includes(token.toLocaleLowerCase()));
}

/** Whether Windows with complexity switched on would accept the password (as far as the documented rules go). */
export function meetsWindowsComplexity(password: string, names: WindowsAccountNames = {}): boolean {
  return windowsCategories(password).size >= WINDOWS_MIN_CATEGORIES && !containsWindowsAccountName(password, names);
}
