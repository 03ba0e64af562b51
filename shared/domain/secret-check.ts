/**
 * Whether a free text (a reason, a device name) looks like a password or a PIN, so the app can warn before it is
 * saved. A warning, not a refusal: "Empfang 2" or "ORGA 6141 online" must pass, "4711", "Praxis2021!" must not.
 */
export function looksLikeSecret(text: string): boolean {
  const trimmed = text.trim();
  // A PIN: 4 to 8 digits and nothing else (model numbers like "ORGA 6141" come with words).
  if (/^\d{4,8}$/u.test(trimmed)) return true;
  // Something named as a secret and then given: "PIN 0815", "Passwort: …".
  if (/\b(pin|puk|passwort|kennwort|password|code)\b\s*[:=]?\s*\S*\d/iu.test(trimmed)) return true;
  for (const token of trimmed.split(/\s+/u)) {
    if (token.length < 8) continue;
    const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(token)).length;
    const digits = (token.match(/\p{Nd}/gu) ?? []).length;
    const symbol = /[^\p{L}\p{Nd}.\-_/]/u.test(token);
    // Letters, digits and a sign in one word ("Praxis2021!"), or letters with several digits in both cases.
    if (classes >= 3 && (symbol || digits >= 2)) return true;
    // A long random-looking string without spaces (a generated password or key).
    if (token.length >= 16 && classes >= 3) return true;
  }
  return false;
}
