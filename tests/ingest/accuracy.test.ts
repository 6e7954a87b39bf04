import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {normalizeDataset, validateDataset} from '../../source/core/dataset.js';
import type {Dataset} from '../../source/core/schema.js';
import {ingestArticle, makeContext, mergeIntoDataset} from '../../source/ingest/index.js';
import {repoRoot} from '../helpers/cli.js';
import {compare, describeFigures, type Figures, percent} from './compare.js';

// Ingests the five seed articles (../shared/seeds, beside the repository) into an empty dataset and
// compares the result with the hand-made dataset in data/ (see docs/seed-dataset.md and
// docs/ingest.md for how records are matched). The figures are printed with the test output.

const seeds = path.resolve(repoRoot, '..', 'shared', 'seeds');
const haveSeeds = existsSync(seeds);

if (!haveSeeds && process.env.CI === 'true') {
	describe('the seed articles', () => {
		it('are present', () => {
			throw new Error(`The seed articles are missing: expected them in ${seeds}. CI must check out ../shared/seeds next to the repository for the ingest accuracy test.`);
		});
	});
}

describe.skipIf(!haveSeeds)('ingest accuracy on the seed articles', () => {
	const reference = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'dataset.json'), 'utf8')) as Dataset;
	const aliases = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'aliases.json'), 'utf8')) as object;
	const files = readdirSync(seeds).filter((file) => file.endsWith('.txt')).sort();
	const texts = new Map(files.map((file) => [file, readFileSync(path.join(seeds, file), 'utf8')]));
	const empty: Dataset = {version: 1, sources: [], actors: [], events: [], quotes: []};
	const context = makeContext(empty, aliases);
	const started = performance.now();
	const results = files.map((file) => ingestArticle(texts.get(file)!, file, context));
	const {dataset} = mergeIntoDataset(empty, results, undefined, context.lexicon);
	const elapsed = performance.now() - started;
	const ingested = normalizeDataset(dataset);
	const figures: Figures = compare(reference, ingested, texts);
	console.log([
		`Ingest of ${files.length} seed articles against data/dataset.json (${elapsed.toFixed(0)} ms):`,
		`  ${ingested.sources.length} sources, ${ingested.actors.length} actors, ${ingested.events.length} events, ${ingested.quotes.length} quotes (hand-made: ${reference.sources.length}, ${reference.actors.length}, ${reference.events.length}, ${reference.quotes.length})`,
		...describeFigures(figures).map((line) => `  ${line}`),
	].join('\n'));

	it('builds a valid dataset', () => {
		const result = validateDataset(ingested, 'ingested');
		expect(result.ok ? [] : result.problems).toEqual([]);
	});

	it('finds at least 90% of the quotes, and the right speaker for at least 90% of those', () => {
		expect(figures.quotes.found / figures.quotes.total, `found ${percent(figures.quotes.found, figures.quotes.total)}; missed ${figures.quotes.missing.join(', ')}`).toBeGreaterThanOrEqual(0.9);
		expect(figures.quotes.rightSpeaker / figures.quotes.found, `right speaker ${percent(figures.quotes.rightSpeaker, figures.quotes.found)}: ${figures.quotes.wrongSpeaker.join('; ')}`).toBeGreaterThanOrEqual(0.9);
	});

	it('dates at least 80% of the events right', () => {
		expect(figures.events.rightDate / figures.events.total, figures.events.wrongDate.join('; ')).toBeGreaterThanOrEqual(0.8);
	});

	it('finds every person', () => {
		expect(figures.people.missing).toEqual([]);
	});

	it('merges every pair of spellings the articles use for one actor', () => {
		expect(figures.aliases.split).toEqual([]);
		expect(figures.aliases.total).toBeGreaterThan(0);
	});

	it('merges the events that several articles report', () => {
		expect(figures.multiSource.split).toEqual([]);
		expect(figures.multiSource.total).toBe(5);
	});
});
