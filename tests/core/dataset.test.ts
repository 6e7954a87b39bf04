import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {jsonPath, linkDataset, loadDatasetText, normalizeForMatch, parseJsonText, validateDataset} from '../../source/core/dataset.js';
import type {Dataset} from '../../source/core/schema.js';
import {fixtures} from '../helpers/cli.js';

const smallText = readFileSync(path.join(fixtures, 'small', 'dataset.json'), 'utf8');
const small = JSON.parse(smallText) as Dataset;

describe('loadDatasetText', () => {
	it('links actors, sources and events and sorts the timeline, undated last', () => {
		const result = loadDatasetText(smallText, 'small.json');
		if (!result.ok) {
			throw new Error(JSON.stringify(result.problems));
		}

		const linked = result.value;
		expect(linked.events.map((event) => event.date)).toEqual(['2023-22', '2024-03-01', '2024-04~', null]);
		expect(linked.eventsByActor.get('anna-berg')?.map((event) => event.id)).toEqual(['2024-03-01-port-talks', '2024-04-vote']);
		expect(linked.quotesByActor.get('tomas-varga')?.map((quote) => quote.id)).toEqual(['varga-not-done']);
		expect(linked.quotesByEvent.get('2024-03-01-port-talks')?.map((quote) => quote.id)).toEqual(['berg-useful-talks']);
		expect(linked.actorById.get('anna-berg')?.name).toBe('Anna Berg');
		expect(linked.asOf).toBe('2024-03-04');
	});

	it('fills the default language of a source', () => {
		const {lang: _lang, ...source} = small.sources[0]!;
		const result = validateDataset({...small, sources: [source, small.sources[1]]}, 'x.json');
		expect(result.ok && result.value.sources[0]!.lang).toBe('en');
	});

	it('counts an actor once per event even when listed twice', () => {
		const doubled = structuredClone(small);
		doubled.events[0]!.actors.push('anna-berg');
		const linked = linkDataset(doubled);
		expect(linked.eventsByActor.get('anna-berg')).toHaveLength(2);
	});
});

describe('parseJsonText', () => {
	it('accepts a byte-order mark', () => {
		expect(parseJsonText('\uFEFF{"a":1}', 'f.json')).toEqual({ok: true, value: {a: 1}});
	});

	it('reports the line and column of a syntax error', () => {
		expect(parseJsonText('{\n  "a": 1,\n  "b": }', 'f.json')).toEqual({
			ok: false,
			problems: [{file: 'f.json', path: 'line 3, column 8', message: 'invalid JSON: expected a value (a stray or trailing comma?)'}],
		});
	});
});

describe('helpers', () => {
	it('writes JSON paths the way a reader types them', () => {
		expect(jsonPath(['events', 12, 'actors', 1])).toBe('events[12].actors[1]');
		expect(jsonPath(['sources', 0, 'odd key'])).toBe('sources[0]["odd key"]');
	});

	it('normalizes quotation marks, ellipses and whitespace for matching', () => {
		expect(normalizeForMatch('“It’s  here…”\n now')).toBe('"It\'s here..." now');
	});
});
