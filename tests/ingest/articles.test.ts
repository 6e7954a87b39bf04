import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {normalizeForMatch, validateDataset} from '../../source/core/dataset.js';
import type {Dataset} from '../../source/core/schema.js';
import {type ArticleResult, ingestArticle, makeContext, mergeIntoDataset} from '../../source/ingest/index.js';
import {fixtures, repoRoot} from '../helpers/cli.js';

// Our own test articles (tests/fixtures/articles) and what ingest must find in them, one test per
// pattern listed in articles-expected.json.

type Expected = {
	files: Record<string, {
		source: Record<string, string | null>;
		notes?: string[];
		dropped?: Array<{pattern: string; text: string}>;
		kept?: Array<{pattern: string; text: string}>;
		quotes?: Array<{pattern: string; text: string; speaker: string; partial: boolean; channel?: string; date?: string | null}>;
		notQuotes?: Array<{pattern: string; text: string}>;
		events?: Array<{pattern: string; evidence: string; date: string | null; status: string; actors?: string[]; location?: string; tags?: string[]}>;
	}>;
	batch: {
		actors: Array<{pattern: string; name: string; kind: string; role?: string; country?: string; spellings: string[]}>;
		notActors: string[];
		merged: Array<{pattern: string; date: string; files: string[]}>;
		separate: Array<{pattern: string; evidence: string[]}>;
	};
};

const folder = path.join(fixtures, 'articles');
const expected = JSON.parse(readFileSync(path.join(fixtures, 'articles-expected.json'), 'utf8')) as Expected;
const aliases = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'aliases.json'), 'utf8')) as object;
const files = readdirSync(folder).filter((file) => /\.(?:txt|md)$/.test(file)).sort();
const texts = new Map(files.map((file) => [file, readFileSync(path.join(folder, file), 'utf8')]));
const empty: Dataset = {version: 1, sources: [], actors: [], events: [], quotes: []};
const context = makeContext(empty, aliases);
const results = new Map<string, ArticleResult>(files.map((file) => [file, ingestArticle(texts.get(file)!, file, context)]));
const {dataset} = mergeIntoDataset(empty, [...results.values()], undefined, context.lexicon);

const sourceOf = (file: string) => dataset.sources.find((source) => source.file === file)!;
const actorName = (id: string | null) => dataset.actors.find((actor) => actor.id === id)?.name;
const placeName = (location: string | null) => dataset.actors.find((actor) => actor.id === location)?.name ?? location;
const eventWith = (file: string, evidence: string) => dataset.events.find((event) => event.evidence.some((item) => item.source === sourceOf(file).id && normalizeForMatch(item.exact).includes(normalizeForMatch(evidence))));

describe('the test articles', () => {
	it('are at least four, and each is listed in articles-expected.json', () => {
		expect(files.length).toBeGreaterThanOrEqual(4);
		expect(Object.keys(expected.files).sort()).toEqual(files);
	});

	it('make a valid dataset whose every evidence stands at its offsets', () => {
		const result = validateDataset(dataset, 'fixtures');
		expect(result.ok ? [] : result.problems).toEqual([]);
		for (const item of [...dataset.events.flatMap((event) => event.evidence), ...dataset.quotes.map((quote) => quote.evidence)]) {
			const file = dataset.sources.find((source) => source.id === item.source)!.file!;
			expect(texts.get(file)!.slice(item.start, item.end)).toBe(item.exact);
		}
	});
});

for (const [file, want] of Object.entries(expected.files)) {
	describe(file, () => {
		const result = results.get(file)!;
		const text = texts.get(file)!;

		it('reads the metadata', () => {
			const source = sourceOf(file);
			for (const [key, value] of Object.entries(want.source)) {
				expect(source[key as keyof typeof source], key).toBe(value);
			}

			for (const note of want.notes ?? []) {
				expect(result.notes.join('\n')).toContain(note);
			}
		});

		const cited = (): string => [...dataset.events.flatMap((event) => event.evidence), ...dataset.quotes.map((quote) => quote.evidence)]
			.filter((item) => item.source === sourceOf(file).id).map((item) => item.exact).join('\n');

		for (const dropped of want.dropped ?? []) {
			it(`leaves out page furniture: ${dropped.pattern}`, () => {
				expect(text).toContain(dropped.text);
				expect(cited()).not.toContain(dropped.text);
				expect(result.lede).not.toContain(dropped.text);
			});
		}

		for (const kept of want.kept ?? []) {
			it(`keeps article text: ${kept.pattern}`, () => {
				expect(cited()).toContain(kept.text);
			});
		}

		for (const quote of want.quotes ?? []) {
			it(`quote: ${quote.pattern}`, () => {
				const found = dataset.quotes.find((each) => each.evidence.source === sourceOf(file).id && normalizeForMatch(each.text) === normalizeForMatch(quote.text));
				expect(found, `no quote "${quote.text}"; quotes: ${dataset.quotes.filter((each) => each.evidence.source === sourceOf(file).id).map((each) => each.text).join(' | ')}`).toBeDefined();
				expect(actorName(found!.speaker)).toBe(quote.speaker);
				expect(found!.partial).toBe(quote.partial);
				if (quote.channel !== undefined) {
					expect(found!.channel).toBe(quote.channel);
				}

				if (quote.date !== undefined) {
					expect(found!.date).toBe(quote.date);
				}
			});
		}

		for (const notQuote of want.notQuotes ?? []) {
			it(`not a quote: ${notQuote.pattern}`, () => {
				expect(text).toContain(notQuote.text);
				expect(dataset.quotes.filter((each) => each.text.includes(notQuote.text)).map((each) => each.text)).toEqual([]);
			});
		}

		for (const event of want.events ?? []) {
			it(`event: ${event.pattern}`, () => {
				const found = eventWith(file, event.evidence);
				expect(found, `no event cites "${event.evidence}"`).toBeDefined();
				expect(found!.date).toBe(event.date);
				expect(found!.status).toBe(event.status);
				for (const actor of event.actors ?? []) {
					expect(found!.actors.map(actorName)).toContain(actor);
				}

				if (event.location !== undefined) {
					expect(placeName(found!.location)).toBe(event.location);
				}

				for (const tag of event.tags ?? []) {
					expect(found!.tags).toContain(tag);
				}

				expect(found!.title.length).toBeGreaterThan(5);
				expect(found!.title).not.toMatch(/\n/);
				expect(found!.summary).toMatch(/[.!?]$/);
			});
		}
	});
}

describe('across the test articles', () => {
	for (const actor of expected.batch.actors) {
		it(`actor: ${actor.pattern}`, () => {
			const found = dataset.actors.filter((each) => each.name === actor.name && each.kind === actor.kind);
			expect(found, `actors: ${dataset.actors.map((each) => each.name).join(', ')}`).toHaveLength(1);
			if (actor.role !== undefined) {
				expect(found[0]!.role).toBe(actor.role);
			}

			if (actor.country !== undefined) {
				expect(found[0]!.country).toBe(actor.country);
			}

			expect(found[0]!.aliases).toEqual(expect.arrayContaining(actor.spellings));
			// No other actor goes by one of these spellings.
			for (const spelling of [actor.name, ...actor.spellings]) {
				expect(dataset.actors.filter((each) => each.name === spelling || each.aliases.includes(spelling)).map((each) => each.id)).toEqual([found[0]!.id]);
			}
		});
	}

	it('makes no actor of common words, authors or photographers', () => {
		for (const name of expected.batch.notActors) {
			expect(dataset.actors.filter((actor) => actor.name === name || actor.aliases.includes(name)).map((actor) => actor.id)).toEqual([]);
		}
	});

	for (const merged of expected.batch.merged) {
		it(`one event, one evidence entry per source: ${merged.pattern}`, () => {
			const sources = merged.files.map((file) => sourceOf(file).id);
			const found = dataset.events.filter((event) => event.date === merged.date && sources.every((source) => event.evidence.some((item) => item.source === source)));
			expect(found).toHaveLength(1);
			expect(found[0]!.evidence).toHaveLength(sources.length);
		});
	}

	for (const separate of expected.batch.separate) {
		it(`keeps apart: ${separate.pattern}`, () => {
			const events = separate.evidence.map((evidence) => dataset.events.find((event) => event.evidence.some((item) => item.exact.includes(evidence)))?.id);
			expect(events.every(Boolean)).toBe(true);
			expect(new Set(events).size).toBe(events.length);
		});
	}
});
