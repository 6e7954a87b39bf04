import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {normalizeForMatch, validateDataset} from '../../source/core/dataset.js';
import {edtf} from '../../source/core/edtf.js';
import type {Dataset, Evidence} from '../../source/core/schema.js';

// The bundled dataset is built from the five articles in ../shared/seeds (next to the repository,
// not inside it: the articles themselves are not part of the project). See docs/seed-dataset.md.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seeds = path.resolve(root, '..', 'shared', 'seeds');
const datasetFile = path.join(root, 'data', 'dataset.json');
const dataset = JSON.parse(readFileSync(datasetFile, 'utf8')) as Dataset;
const haveSeeds = existsSync(seeds);

const sourceById = new Map(dataset.sources.map((source) => [source.id, source]));
const actorById = new Map(dataset.actors.map((actor) => [actor.id, actor]));
const sourceByFile = (file: string) => dataset.sources.find((source) => source.file === file);

describe('the bundled dataset', () => {
	it('passes the validator', () => {
		const result = validateDataset(dataset, datasetFile);
		expect(result.ok ? [] : result.problems).toEqual([]);
	});

	it('records the undated article as undated, with the outlet it names', () => {
		const source = sourceByFile('003_4da50a3b1d7c5001.txt');
		expect(source?.published).toBeNull();
		expect(source?.outlet).toBe('UNN');
		expect(sourceByFile('001_b884828c85eceadb.txt')?.published).toBe('2025-01-14');
		expect(sourceByFile('001_b884828c85eceadb.txt')?.author).toBe('Volodymyr Ivanyshyn');
	});

	it('keeps every spelling of a name the articles use', () => {
		const names = (id: string) => {
			const actor = actorById.get(id);
			return actor ? [actor.name, ...actor.aliases] : [];
		};

		expect(names('andriy-yermak')).toEqual(expect.arrayContaining(['Andrii Yermak', 'Andriy Yermak']));
		expect(names('volodymyr-zelensky')).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskyy', 'Володимир Зеленський', '@ZelenskyyUa']));
		expect(names('emmanuel-macron')).toEqual(expect.arrayContaining(['Macron', '@EmmanuelMacron']));
		expect(names('kryvyi-rih')).toEqual(expect.arrayContaining(['Kryvyi Rih', 'Kryvyi Rig']));
	});

	it('does not take nicknames and names in quotation marks for quotes', () => {
		const texts = dataset.quotes.map((quote) => quote.text.toLowerCase());
		for (const term of ['macronize', 'coalition of the willing', 'reassurance force', 'to talk a lot but do little', 'frontline solidarity']) {
			expect(texts.filter((text) => text.includes(term))).toEqual([]);
		}
	});

	it('records quotes without quotation marks and quotes attributed by pronoun or role', () => {
		const speakerOf = (text: string) => dataset.quotes.find((quote) => quote.text.startsWith(text))?.speaker;
		expect(speakerOf('I spoke for the second time today')).toBe('volodymyr-zelensky');
		expect(speakerOf('They have a rare relationship of trust')).toBe('alice-rufo');
		expect(speakerOf('He has changed')).toBe('volodymyr-zelensky');
		expect(speakerOf('God bless they will')).toBe('volodymyr-zelensky');
		expect(speakerOf('Unfortunately we see from Europeans')).toBe('dmitry-peskov');
		expect(speakerOf('We considered practical steps')).toBe('volodymyr-zelensky');
	});

	it('gives each source at most one evidence entry per event', () => {
		const repeated = dataset.events.filter((event) => new Set(event.evidence.map((evidence) => evidence.source)).size !== event.evidence.length);
		expect(repeated.map((event) => event.id)).toEqual([]);
	});

	it('marks as scheduled every event dated after all of its sources were published', () => {
		const wrong = dataset.events.filter((event) => {
			if (event.date === null) {
				return false;
			}

			const published = event.evidence.map((evidence) => sourceById.get(evidence.source)?.published ?? null);
			if (published.includes(null)) {
				return false;
			}

			const after = published.every((date) => edtf(event.date!).earliest > edtf(date!).latest);
			return after && event.status !== 'scheduled';
		});
		expect(wrong.map((event) => event.id)).toEqual([]);
	});
});

if (!haveSeeds && process.env.CI === 'true') {
	describe('the seed articles', () => {
		it('are present', () => {
			throw new Error(`The seed articles are missing: expected them in ${seeds}. CI must check out ../shared/seeds next to the repository so that data/dataset.json can be checked against them.`);
		});
	});
}

describe.skipIf(!haveSeeds)('the bundled dataset against the seed articles', () => {
	const articles = new Map<string, string>();
	const article = (sourceId: string): string | undefined => {
		const file = sourceById.get(sourceId)?.file;
		if (!file) {
			return undefined;
		}

		if (!articles.has(file)) {
			articles.set(file, readFileSync(path.join(seeds, file), 'utf8'));
		}

		return articles.get(file);
	};

	const evidence: Array<{where: string; evidence: Evidence}> = [
		...dataset.events.flatMap((event) => event.evidence.map((item, index) => ({where: `event ${event.id} evidence[${index}]`, evidence: item}))),
		...dataset.quotes.map((quote) => ({where: `quote ${quote.id}`, evidence: quote.evidence})),
	];

	it('has every source file', () => {
		const missing = dataset.sources.filter((source) => source.file !== null && !existsSync(path.join(seeds, source.file)));
		expect(missing.map((source) => source.file)).toEqual([]);
	});

	it('finds every evidence sentence at its offsets', () => {
		const wrong = evidence
			.filter(({evidence: item}) => article(item.source)?.slice(item.start, item.end) !== item.exact)
			.map(({where, evidence: item}) => `${where}: ${JSON.stringify(article(item.source)?.slice(item.start, item.end))} is not ${JSON.stringify(item.exact)}`);
		expect(wrong).toEqual([]);
	});

	it('finds every quote inside its evidence sentence', () => {
		const wrong = dataset.quotes
			.filter((quote) => !normalizeForMatch(quote.evidence.exact).includes(normalizeForMatch(quote.text)))
			.map((quote) => quote.id);
		expect(wrong).toEqual([]);
	});

	it('reads the first line of an article as its publication date', () => {
		for (const source of dataset.sources) {
			const text = source.file === null ? undefined : article(source.id);
			const line = text === undefined ? null : /^ date (\d{4}-\d{2}-\d{2})/.exec(text);
			if (line) {
				expect(source.published, source.id).toBe(line[1]);
			}
		}
	});
});
