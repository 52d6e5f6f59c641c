import { GoogleGenAI } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { geminiRoutes } from '../../mocks/providers/gemini.ts';
import { asSummary, requestedSummaryHeadings } from '../../mocks/providers/summary-reply.ts';
import { createWorld } from './support/world.ts';

/** 2026.9.6's safeguard instructions (dist/builtin-openclaw-q1hiFm14.mjs buildCompactionStructureInstructions). */
const REQUIRED_2026_9 = ['## Decisions', '## Open TODOs', '## Constraints/Rules', '## Pending user asks', '## Exact identifiers'];
const INSTRUCTIONS_2026_9 = ['Produce a compact, factual summary with these exact section headings:', ...REQUIRED_2026_9, 'Do not omit unresolved asks from the user.'].join('\n');

function summaryPrompt(conversation: string, instructions: string, previous?: string): string {
  const previousBlock = previous === undefined ? '' : `<previous-summary>\n${previous}\n</previous-summary>\n\n`;
  return `<conversation>\n${conversation}\n</conversation>\n\n${previousBlock}${instructions}`;
}

/** 2026.9.6's quality guard, section part (auditSummaryQuality: every required heading is a line of its own). */
function missingSections(summary: string): string[] {
  const lines = new Set(summary.split(/\r?\n/).map((line) => line.trim()));
  return REQUIRED_2026_9.filter((heading) => !lines.has(heading));
}

describe('compaction summary requests', () => {
  it('are told by the conversation block, and ask for the headings named after it', () => {
    expect(requestedSummaryHeadings(['system text', summaryPrompt('[User]: hi', INSTRUCTIONS_2026_9)])).toEqual(REQUIRED_2026_9);
  });

  it('take no headings from the conversation or a previous summary', () => {
    const prompt = summaryPrompt('[User]: ## Decisions are mine', 'Summarise.', '## Goal\nold');
    expect(requestedSummaryHeadings([prompt])).toEqual([]);
  });

  it('are not chat messages that merely mention a conversation', () => {
    expect(requestedSummaryHeadings(['please read <conversation> tags', 'hello'])).toBeUndefined();
  });

  it('keep the drawn length and text, laid out under each heading', () => {
    const drawn = { text: 'x'.repeat(400), outputTokens: 100, truncated: false };
    const summary = asSummary(drawn, REQUIRED_2026_9, 8_192);
    expect(summary.text.length).toBe(400);
    expect(summary.outputTokens).toBe(100);
    expect(missingSections(summary.text)).toEqual([]);
  });

  it('grow a short reply to hold every heading with some text', () => {
    const summary = asSummary({ text: 'short', outputTokens: 2, truncated: false }, REQUIRED_2026_9, 8_192);
    expect(missingSections(summary.text)).toEqual([]);
    expect(summary.outputTokens).toBe(Math.ceil(summary.text.length / 4));
  });

  it('never pass the output cap: a cut summary loses its later sections', () => {
    const summary = asSummary({ text: 'y'.repeat(80), outputTokens: 20, truncated: true }, REQUIRED_2026_9, 20);
    expect(summary.text.length).toBe(80);
    expect(summary.truncated).toBe(true);
    expect(missingSections(summary.text)).not.toEqual([]);
  });

  it('leave a prompt without headings with its plain reply', () => {
    const drawn = { text: 'plain', outputTokens: 2, truncated: false };
    expect(asSummary(drawn, [], 8_192)).toBe(drawn);
  });

  it('through the Gemini mock: the reply carries the sections, the usage counts them, other replies do not shift', async () => {
    const plain = createWorld(geminiRoutes);
    const shaped = createWorld(geminiRoutes);
    const ask = (world: typeof plain, contents: string) =>
      new GoogleGenAI({ apiKey: 'k', httpOptions: { fetch: world.fetch } }).models.generateContent({ model: 'gemini-2.5-flash', contents });
    const first = await ask(plain, 'hello');
    await ask(shaped, 'hello');
    const summaryRequest = summaryPrompt('[User]: hello', INSTRUCTIONS_2026_9);
    const summary = await ask(shaped, summaryRequest);
    await ask(plain, summaryRequest.replace('<conversation>', '<chat>'));
    expect(missingSections(summary.text ?? '')).toEqual([]);
    expect(summary.usageMetadata?.candidatesTokenCount).toBe(Math.ceil(summary.text!.length / 4));
    expect((await ask(shaped, 'again')).text).toBe((await ask(plain, 'again')).text);
    expect(first.text).not.toContain('## ');
  });
});
