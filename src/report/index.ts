/** The report stage's public surface: pure renderers of a RunResult, and the writers that put them on disk. */
export { renderRunReport } from './markdown.ts';
export { renderJUnit } from './junit.ts';
export { renderComparison, type ComparisonEntry, type ComparisonOptions } from './compare.ts';
export { renderTerminalSummary, type TerminalSummaryOptions } from './terminal.ts';
export { renderResultJson } from './result-json.ts';
export { PRICES, priceOf, type ModelPrice, type PriceOverrides } from './prices.ts';
export { writeRunOutputs, type RunOutputs, type WrittenFiles } from './write-run.ts';
