/**
 * docs/scenarios.md against the check table: every check has a section with an example that
 * loads, and every parameter a check takes is in its section's table, no more.
 */
import { readFileSync } from 'node:fs';
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { checkParams } from '../../src/scenario/checks/index.ts';
import { CHECK_NAMES } from '../../src/scenario/checks/names.ts';
import { inlineScenario } from './support.ts';

const DOC = readFileSync('docs/scenarios.md', 'utf8');

/** The `### \`name\`` sections of the Checks chapter, by name. */
function checkSections(doc: string): Map<string, string> {
  const chapter = doc.slice(doc.indexOf('\n## Checks'), doc.indexOf('\n## ', doc.indexOf('\n## Checks') + 1));
  const sections = new Map<string, string>();
  for (const part of chapter.split(/\n(?=### )/).slice(1)) {
    const name = /^### `([^`]+)`/.exec(part)?.[1];
    if (name !== undefined) sections.set(name, part);
  }
  return sections;
}

/** The first column of the section's parameter table. */
function documentedParameters(section: string): string[] {
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
}

function examples(section: string): string[] {
  return [...section.matchAll(/```json5\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

const sections = checkSections(DOC);

describe('docs/scenarios.md', () => {
  it('has a section for every check and for nothing else', () => {
    expect([...sections.keys()].sort()).toEqual([...CHECK_NAMES].sort());
  });

  it.each(CHECK_NAMES)('documents exactly the parameters %s takes', (name) => {
    expect(documentedParameters(sections.get(name) ?? '').sort()).toEqual(Object.keys(checkParams(name).shape).sort());
  });

  it.each(CHECK_NAMES)('shows %s in an example that loads', (name) => {
    const [example] = examples(sections.get(name) ?? '');
    expect(example).toBeDefined();
    const entry = JSON5.parse(example!) as { check: string };
    expect(entry.check).toBe(name);
    expect(() => inlineScenario(JSON.stringify({ name: 'docs', steps: [{ name: 's', checks: [entry] }] }))).not.toThrow();
  });

  it('opens with a scenario that loads', () => {
    const [first] = examples(DOC);
    expect(inlineScenario(first!).scenario.name).toBe('burst-after-fix');
  });

  it('can fail: a section without its table is caught', () => {
    const stripped = checkSections(DOC.replace('| `model` | required |', '| model | required |'));
    expect(documentedParameters(stripped.get('peak-usage')!)).not.toContain('model');
  });
});
