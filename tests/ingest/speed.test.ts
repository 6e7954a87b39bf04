import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Dataset} from '../../source/core/schema.js';
import {ingestArticle, makeContext, mergeIntoDataset} from '../../source/ingest/index.js';
import {fixtures, repoRoot} from '../helpers/cli.js';

// The issue asks for at least 100 articles a second on one core; a later one for 200. This is the
// benchmark of docs/ingest.md: a batch made of the seed articles and our test articles, each copy a
// different file (its own note and years shifted, so that copies are distinct sources reporting
// distinct happenings), read and merged into an empty dataset in one process. Best of three runs, so
// that a busy machine does not decide the figure.

const folders = [path.resolve(repoRoot, '..', 'shared', 'seeds'), path.join(fixtures, 'articles')].filter((folder) => existsSync(folder));
const originals = folders.flatMap((folder) => readdirSync(folder).filter((file) => /\.(?:txt|md)$/.test(file)).sort().map((file) => ({file, text: readFileSync(path.join(folder, file), 'utf8')})));
const aliases = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'aliases.json'), 'utf8')) as object;

function batch(size: number): Array<{file: string; text: string}> {
	return Array.from({length: size}, (_, index) => {
		const original = originals[index % originals.length]!;
		const shift = Math.floor(index / originals.length) % 8;
		return {file: `${index}-${original.file}`, text: `${original.text.replace(/\b(20[0-2]\d)\b/g, (year) => String(Number(year) - shift))}\n\nNote ${index}.\n`};
	});
}

function run(articles: ReadonlyArray<{file: string; text: string}>): {seconds: number; events: number} {
	const empty: Dataset = {version: 1, sources: [], actors: [], events: [], quotes: []};
	const context = makeContext(empty, aliases);
	const started = performance.now();
	const results = articles.map((article) => ingestArticle(article.text, article.file, context));
	const {dataset} = mergeIntoDataset(empty, results, undefined, context.lexicon);
	return {seconds: (performance.now() - started) / 1000, events: dataset.events.length};
}

describe('ingest speed', () => {
	it('reads and merges at least 100 articles a second', () => {
		const articles = batch(400);
		run(batch(originals.length * 2));
		const runs = [run(articles), run(articles), run(articles)];
		const best = Math.min(...runs.map((each) => each.seconds));
		const rate = articles.length / best;
		const bytes = articles.reduce((sum, article) => sum + article.text.length, 0) / articles.length;
		console.log(`Ingest speed: ${articles.length} articles (${Math.round(bytes)} characters on average) read and merged in ${(best * 1000).toFixed(0)} ms, ${Math.round(rate)} articles a second (best of ${runs.length}; ${runs[0]!.events} events)`);
		expect(rate).toBeGreaterThanOrEqual(100);
	}, 60_000);
});
