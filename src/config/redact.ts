/** OpenClaw's own marker for a redacted value (`openclaw config get`, openclaw/openclaw@2026.4.12 src/cli/config-cli.ts). */
export const REDACTED = '__OPENCLAW_REDACTED__';

/**
 * Returns a deep copy of `value` with every secret replaced by `REDACTED`: scalars under a
 * secret-named key (`apiKey`, `botToken`, `token`, `webhookSecret`, `password`, `x-api-key`
 * headers, `OPENAI_API_KEY` env entries, …), however deep below it, and any string that looks
 * like a provider key, wherever it sits. Objects under a secret-named key keep their shape: a
 * SecretRef `{ source: "env", provider, id }` names a variable and is shown as written.
 *
 * Call it on anything that is about to be printed; the loaded config itself stays unredacted
 * because the gateway needs the values.
 */
export function redact<T>(value: T): T {
  return redactValue(value, false) as T;
}

/**
 * Redacts free text (error messages, warnings): every occurrence of a known secret value, then
 * anything shaped like a provider key. `secrets` comes from `collectSecrets(raw)`.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED);
  }
  for (const pattern of KEY_SHAPED) out = out.replace(new RegExp(pattern.source, 'g'), REDACTED);
  return out;
}

/** Every secret string in a parsed config, to scrub from text that might echo one. */
export function collectSecrets(value: unknown): string[] {
  const found = new Set<string>();
  walkSecrets(value, false, found);
  return [...found];
}

/**
 * Whether a key names a secret. Deliberately narrow: `maxTokens`/`contextTokens` (plural, counts),
 * `tokenFile` (a path) and `mainKey`/`sessionKey` (identifiers) are not secrets.
 */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_KEY_SUFFIXES.some((suffix) => k.endsWith(suffix)) || /secret|password|passwd|passphrase/.test(k);
}

/** Whether a whole string looks like a provider API key or a Telegram bot token. */
export function looksLikeSecret(text: string): boolean {
  return KEY_SHAPED.some((pattern) => pattern.test(text));
}

/** A value no key generator produces: lowercase letters only, as placeholder keys are. */
const PLAIN_WORD = /^[a-z]+$/;

const SECRET_KEY_SUFFIXES = [
  'apikey',
  'apikeys',
  'token',
  'accesskey',
  'privatekey',
  'secretkey',
  'signingkey',
  'authorization',
  'cookie',
  'credential',
  'credentials',
];

// Shapes of real keys: OpenAI/Anthropic/Moonshot `sk-…`, Google `AIza…`, xAI `xai-…`, Groq `gsk_…`,
// GitHub `ghp_…`, Telegram `<bot id>:<35 chars>`, and bearer headers.
const KEY_SHAPED: readonly RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{16,}/,
  /\bAIza[0-9A-Za-z_-]{30,}/,
  /\bxai-[A-Za-z0-9_-]{20,}/,
  /\bgsk_[A-Za-z0-9]{20,}/,
  /\bgh[pousr]_[A-Za-z0-9]{30,}/,
  /\b\d{6,12}:[A-Za-z0-9_-]{30,}/,
  /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/i,
];

// Iterative: values come from user files, and a walk must not run out of stack whatever their depth.
function redactValue(root: unknown, rootUnderSecretKey: boolean): unknown {
  const holder: { value?: unknown } = {};
  const stack: { value: unknown; secret: Secrecy; into: Record<string | number, unknown>; at: string | number }[] = [
    { value: root, secret: rootUnderSecretKey ? 'secret' : 'plain', into: holder, at: 'value' },
  ];
  while (stack.length > 0) {
    const { value, secret, into, at } = stack.pop()!;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      into[at] = out;
      value.forEach((item, index) => stack.push({ value: item, secret, into: out as unknown as Record<number, unknown>, at: index }));
    } else if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      into[at] = out;
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, secret: keySecrecy(secret, value, key), into: out, at: key });
    } else if (typeof value === 'string') {
      into[at] = secret === 'secret' || looksLikeSecret(value) ? REDACTED : value;
    } else if (typeof value === 'number' && secret === 'secret') {
      into[at] = REDACTED;
    } else {
      into[at] = value;
    }
  }
  return holder.value;
}

function walkSecrets(root: unknown, rootUnderSecretKey: boolean, found: Set<string>): void {
  const stack: { value: unknown; secret: Secrecy }[] = [{ value: root, secret: rootUnderSecretKey ? 'secret' : 'plain' }];
  while (stack.length > 0) {
    const { value, secret } = stack.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, secret });
    } else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, secret: keySecrecy(secret, value, key) });
    } else if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value);
      // Very short values ("x", "test") and plain lowercase words (the "lmstudio" or "ollama" local
      // servers take as a key) would blank out ordinary words in messages, file names included; the
      // key-shaped patterns in redactText still catch real keys of any length worth worrying about.
      if ((secret === 'secret' && text.length >= 6 && !PLAIN_WORD.test(text)) || looksLikeSecret(text)) found.add(text);
    }
  }
}

/**
 * Whether a value is a secret: `plain` outside secret-named keys; `secret` under one. A value
 * under a secret-named key stays secret however it is wrapped (`apiKey: { value: "sk-…" }`,
 * `apiKey: ["sk-…"]`): a malformed secret is still a secret. Only a SecretRef
 * (`{ source, provider?, id }`) names a variable instead of holding a key, so its fields are plain.
 */
type Secrecy = 'plain' | 'secret';

function keySecrecy(parent: Secrecy, container: Record<string, unknown>, key: string): Secrecy {
  if (isSecretKey(key)) return 'secret';
  if (parent === 'secret' && isSecretRef(container)) return 'plain';
  return parent;
}

function isSecretRef(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return typeof value['source'] === 'string' && typeof value['id'] === 'string' && keys.every((key) => SECRET_REF_KEYS.has(key));
}

const SECRET_REF_KEYS = new Set(['source', 'provider', 'id']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
