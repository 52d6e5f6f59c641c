/**
 * Shrinking a disagreeing case: smaller candidates of the case document (the
 * JSON a case file holds, trace-case.ts), tried in a fixed order, the first
 * that still disagrees kept, until none does. The predicate is a parameter:
 * `conformance run --shrink` records each candidate on the real gateway and
 * judges it (judge.ts); a test gives a pure function.
 *
 * Candidates, biggest cuts first (each one step):
 * 1. drop the session preloads;
 * 2. drop a message (the last first), keeping one;
 * 3. drop a model from the chain (the last first), with its fault rules, keeping one;
 * 4. shorten a fault script by its last step, or drop a rule (latency, standing fault, one-step script);
 * 5. send a message with `atMs` once the previous one is over instead.
 */

/** A case file's document; only the keys a candidate changes are typed. */
export type CaseDocument = Readonly<Record<string, unknown>>;

export type ShrinkResult = {
  readonly document: CaseDocument;
  /** What each kept step did, in order (`drop message 3`, `drop model openai/gpt-4o-mini`, …). */
  readonly steps: readonly string[];
  /** How many candidates were tried. */
  readonly tried: number;
};

export type ShrinkOptions = {
  /** Stop after this many candidates (each may be a recording of the real gateway). */
  readonly maxTries?: number;
};

type Candidate = { readonly step: string; readonly document: CaseDocument };
type Rule = { match?: { model?: string }; script?: unknown[]; fault?: unknown; latency?: unknown; [key: string]: unknown };
type Turn = { atMs?: number; [key: string]: unknown };
type Model = { primary?: string; fallbacks?: string[] };

export async function shrinkCase(
  document: CaseDocument,
  stillDisagrees: (candidate: CaseDocument) => Promise<boolean>,
  options: ShrinkOptions = {},
): Promise<ShrinkResult> {
  const maxTries = options.maxTries ?? 40;
  let current = document;
  const steps: string[] = [];
  let tried = 0;
  for (let progress = true; progress && tried < maxTries; ) {
    progress = false;
    for (const candidate of candidatesOf(current)) {
      if (tried >= maxTries) break;
      tried++;
      if (await stillDisagrees(candidate.document)) {
        current = candidate.document;
        steps.push(candidate.step);
        progress = true;
        break;
      }
    }
  }
  return { document: current, steps, tried };
}

/** Every one-step-smaller case, in the order they are tried. */
export function candidatesOf(document: CaseDocument): Candidate[] {
  return [...dropPreloads(document), ...dropMessages(document), ...dropModels(document), ...shortenFaults(document), ...dropOffsets(document)];
}

function dropPreloads(document: CaseDocument): Candidate[] {
  const sessions = document['sessions'];
  return Array.isArray(sessions) && sessions.length > 0 ? [{ step: 'drop the session preloads', document: without(document, 'sessions') }] : [];
}

function dropMessages(document: CaseDocument): Candidate[] {
  const turns = turnsOf(document);
  if (turns.length <= 1) return [];
  return turns.map((_, index) => index).reverse().map((index) => ({ step: `drop message ${index + 1}`, document: { ...document, turns: turns.filter((__, other) => other !== index) } }));
}

function dropModels(document: CaseDocument): Candidate[] {
  const chain = chainOf(document);
  if (chain.length <= 1) return [];
  return chain.map((_, index) => index).reverse().map((index) => {
    const ref = chain[index]!;
    const kept = chain.filter((_, other) => other !== index);
    const modelId = ref.slice(ref.indexOf('/') + 1);
    const rules = rulesOf(document).filter((rule) => rule.match?.model !== modelId || kept.some((other) => other.endsWith(`/${modelId}`)));
    return { step: `drop model ${ref}`, document: withRules(withChain(document, kept), rules) };
  });
}

function shortenFaults(document: CaseDocument): Candidate[] {
  const rules = rulesOf(document);
  return rules.map((rule, index): Candidate => {
    const script = rule.script;
    if (Array.isArray(script) && script.length > 1) {
      const shorter = rules.map((other, at) => (at === index ? { ...other, script: script.slice(0, -1) } : other));
      return { step: `shorten the script of rule ${index + 1} to ${script.length - 1} step(s)`, document: withRules(document, shorter) };
    }
    return { step: `drop rule ${index + 1}`, document: withRules(document, rules.filter((_, at) => at !== index)) };
  });
}

function dropOffsets(document: CaseDocument): Candidate[] {
  const turns = turnsOf(document);
  return turns.flatMap((turn, index) =>
    turn.atMs === undefined
      ? []
      : [{ step: `send message ${index + 1} once the previous one is over`, document: { ...document, turns: turns.map((other, at) => (at === index ? without(other, 'atMs') : other)) } }],
  );
}

function turnsOf(document: CaseDocument): Turn[] {
  const turns = document['turns'];
  return Array.isArray(turns) ? (turns as Turn[]) : [];
}

function rulesOf(document: CaseDocument): Rule[] {
  const faults = document['faults'] as { rules?: Rule[] } | undefined;
  return Array.isArray(faults?.rules) ? faults.rules : [];
}

function withRules(document: CaseDocument, rules: Rule[]): CaseDocument {
  return { ...document, faults: { ...(document['faults'] as object | undefined), rules } };
}

/** The chain `configOverrides.agents.defaults.model` names: primary, then fallbacks. */
function chainOf(document: CaseDocument): string[] {
  const model = modelOf(document);
  return model?.primary === undefined ? [] : [model.primary, ...(model.fallbacks ?? [])];
}

function modelOf(document: CaseDocument): Model | undefined {
  const overrides = document['configOverrides'] as { agents?: { defaults?: { model?: Model } } } | undefined;
  return overrides?.agents?.defaults?.model;
}

function withChain(document: CaseDocument, chain: readonly string[]): CaseDocument {
  const overrides = structuredClone(document['configOverrides']) as { agents: { defaults: { model: Model } } };
  overrides.agents.defaults.model = { ...overrides.agents.defaults.model, primary: chain[0]!, fallbacks: chain.slice(1) };
  return { ...document, configOverrides: overrides };
}

function without<T extends Readonly<Record<string, unknown>>>(object: T, key: string): T {
  const copy = { ...object };
  delete (copy as Record<string, unknown>)[key];
  return copy;
}
