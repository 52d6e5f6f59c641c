/**
 * The values a config writes under a secret-named key (`apiKey`, `botToken`, `appSecret`,
 * `password`, …), read from the text rather than through quotastorm's own redaction so the tests
 * do not share its blind spots. `${VAR}` references name a variable and may be printed; counts
 * (`maxTokens`), paths (`tokenFile`) and identifiers (`sessionKey`) are not secrets; and a value
 * the config also uses elsewhere, as a name (`apiKey: "lmstudio"` on the provider `lmstudio`),
 * may rightly be printed as that name.
 */
export function secretValuesIn(text: string): string[] {
  const entries = text.matchAll(/["']?([\w-]*(?:token|key|secret|password)[\w-]*)["']?\s*:\s*["']([^"'\n]+)["']/gi);
  const values = [...entries]
    .filter(([, key]) => !/tokens$|tokenfile$|sessionkey$|mainkey$|^key$|keep|limit/i.test(key!))
    .map(([, , value]) => value!)
    .filter((value) => value.length >= 6 && !value.includes('${'));
  const asSecret = (value: string): number => values.filter((other) => other === value).length;
  return [...new Set(values)].filter((value) => text.split(value).length - 1 === asSecret(value));
}
