/**
 * How a message quotes what a user typed: short, and with control characters made visible.
 * A 100 kB URL value must not fill the status line, and `%1B[2J` in a CLI flag must not clear
 * the terminal that prints the error.
 */

/** Longest quoted value, in characters (longer ones are cut with an ellipsis and their length). */
export const ECHO_MAX = 48;

/** C0 controls, DEL and the C1 controls (U+0080–U+009F, which some terminals obey too). */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Control characters as visible escapes (\x1b), leaving every other character as it is. */
export function visibleControls(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += isControl(code) ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}

/** A user's value as a message quotes it: controls escaped, cut to ECHO_MAX characters. */
export function echo(text: string): string {
  const shown = visibleControls(text);
  if (shown.length <= ECHO_MAX) return shown;
  return `${shown.slice(0, ECHO_MAX)}… (${text.length} characters)`;
}
