import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/scenario/result.ts';
import { escapeAttribute, escapeText, renderJUnit } from '../../src/report/junit.ts';
import { errorRun, failingBeforeRun, FIXTURES, incompleteRun, passingRun } from './fixtures.ts';
import { expectGolden } from './golden.ts';
import { descendants, parseXml, XmlError } from './xml-wellformed.ts';

describe('renderJUnit', () => {
  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`matches golden/${name}.xml byte for byte and parses as XML`, () => {
      const xml = renderJUnit(make());
      expectGolden(`${name}.xml`, xml);
      expect(() => parseXml(xml)).not.toThrow();
      expect(renderJUnit(make())).toBe(xml);
    });
  }

  it('has one testsuite per run and one testcase per check, named after the scenario and the check', () => {
    for (const make of [passingRun, failingBeforeRun, errorRun]) {
      const result = make();
      const root = parseXml(renderJUnit(result));
      expect(root.name).toBe('testsuites');
      const suites = descendants(root, 'testsuite');
      expect(suites).toHaveLength(1);
      const cases = descendants(suites[0]!, 'testcase');
      expect(cases.map((c) => c.attributes.name)).toEqual(result.checks.map((check) => check.title));
      expect(cases.every((c) => c.attributes.classname === result.scenario.name)).toBe(true);
      expect(suites[0]!.attributes.tests).toBe(String(result.checks.length));
    }
  });

  it('reports failed checks as <failure> and checks that could not judge as <error>, with the evidence in the body', () => {
    const failing = failingBeforeRun();
    const cases = descendants(parseXml(renderJUnit(failing)), 'testcase');
    failing.checks.forEach((check, index) => {
      const failure = descendants(cases[index]!, 'failure')[0];
      if (check.status === 'fail') {
        expect(failure?.attributes.message).toBe(check.summary);
        for (const line of check.evidence) expect(failure!.text).toContain(line);
      } else {
        expect(failure).toBeUndefined();
        expect(descendants(cases[index]!, 'system-out')[0]!.text).toContain(check.summary);
      }
    });
    const suite = descendants(parseXml(renderJUnit(failing)), 'testsuite')[0]!;
    expect(suite.attributes.failures).toBe(String(failing.verdict.failed));

    const erroring = errorRun();
    const errorCase = descendants(parseXml(renderJUnit(erroring)), 'testcase')[1]!;
    expect(descendants(errorCase, 'error')[0]!.attributes.message).toBe('fault never fired: 0 of 3 scripted sendMessage 429s served');
    expect(descendants(errorCase, 'failure')).toHaveLength(0);
  });

  it('adds an erroring "run completed" case for an incomplete run, so CI cannot show it green', () => {
    const result = incompleteRun();
    const cases = descendants(parseXml(renderJUnit(result)), 'testcase');
    expect(cases).toHaveLength(result.checks.length + 1);
    expect(cases.at(-1)!.attributes.name).toBe('run completed');
    expect(descendants(cases.at(-1)!, 'error')[0]!.attributes.type).toBe('incomplete');
  });

  it('escapes markup, quotes, newlines and forbidden control characters so the text round-trips', () => {
    const result = passingRun();
    const nasty = 'a < b && c > d "quoted" \'single\' ]]> tab\there\nline two \u001b[31mred\u001b[0m';
    const tricky: RunResult = {
      ...result,
      scenario: { ...result.scenario, name: 'x<y>&"z"' },
      checks: [{ ...result.checks[0]!, title: nasty, summary: nasty, status: 'fail', evidence: [nasty] }],
    };
    const root = parseXml(renderJUnit(tricky));
    const testcase = descendants(root, 'testcase')[0]!;
    const expected = nasty.replaceAll('\u001b', '\uFFFD');
    expect(testcase.attributes.classname).toBe('x<y>&"z"');
    expect(testcase.attributes.name).toBe(expected);
    expect(descendants(testcase, 'failure')[0]!.attributes.message).toBe(expected);
    expect(descendants(testcase, 'failure')[0]!.text).toContain(expected);
  });

  it('escapes each special character the way XML requires', () => {
    expect(escapeText('<&>')).toBe('&lt;&amp;&gt;');
    expect(escapeAttribute('"\n\t\r')).toBe('&quot;&#10;&#9;&#13;');
    expect(escapeText('\uD800 lone')).toBe('\uFFFD lone');
    expect(escapeText('😀 pair')).toBe('😀 pair');
  });
});

describe('parseXml (the test’s well-formedness check)', () => {
  it('accepts a small document and rejects broken ones', () => {
    expect(parseXml('<?xml version="1.0"?>\n<a x="1"><b/>t&amp;t</a>\n').children).toHaveLength(1);
    for (const broken of ['<a><b></a></b>', '<a x="1" x="2"/>', '<a>&</a>', '<a>&nbsp;</a>', '<a x=1/>', '<a/><b/>', '<a>\u0001</a>', '<a x="<"/>', '<a>]]></a>']) {
      expect(() => parseXml(broken), broken).toThrow(XmlError);
    }
  });
});
