/**
 * sanitizeTerminalText (openclaw@2026.9.6 terminal-core `safe-text`): what
 * every stored value goes through before it is printed in a table cell.
 * ANSI sequences are removed and CR, LF and TAB written as `\r`, `\n`,
 * `\t`; other control characters are dropped, so a value stays on its line.
 */
export function sanitizeText(input: string): string {
  const plain = /[\u001B\u009B\u009D]/.test(input) ? input.replace(ANSI_SEQUENCE, '') : input;
  return plain.replace(/\p{Cc}/gu, (control) => (control === '\r' ? '\\r' : control === '\n' ? '\\n' : control === '\t' ? '\\t' : ''));
}

// ansi-regex 6: OSC strings and CSI/escape sequences.
const ANSI_SEQUENCE = /(?:\u001B\][^\u0007\u001B\u009C]*(?:\u0007|\u001B\u005C|\u009C))|[\u001B\u009B][[\]()#;?]*(?:\d{1,4}(?:[;:]\d{0,4})*)?[\dA-PR-TZcf-nq-uy=><~]/g;
