import {describe, expect, it} from 'vitest';
import {validateDataset} from '../../source/core/dataset.js';
import {generateDataset, generateRecords} from '../../source/tools/generate.js';

describe('the dataset generator', () => {
	const dataset = generateDataset({events: 3000, seed: 2});

	it('makes valid data, the same for the same seed and other data for another', () => {
		const validated = validateDataset(JSON.parse(JSON.stringify(dataset)), 'generated');
		expect(validated.ok, validated.ok ? '' : JSON.stringify(validated.problems.slice(0, 3))).toBe(true);
		expect(generateDataset({events: 3000, seed: 2})).toEqual(dataset);
		expect(generateDataset({events: 3000, seed: 3}).events[0]).not.toEqual(dataset.events[0]);
	});

	it('streams the same records it makes at once, in document order', () => {
		const streamed = [...generateRecords({events: 3000, seed: 2})];
		expect(streamed.filter((record) => record.type === 'event').map((record) => record.record)).toEqual(dataset.events);
		expect(streamed.filter((record) => record.type === 'quote').map((record) => record.record)).toEqual(dataset.quotes);
		const order = streamed.map((record) => record.type);
		expect(order.indexOf('quote')).toBeGreaterThan(order.lastIndexOf('event'));
	});

	it('is realistic: aliases in Latin and Cyrillic, 30 to 60 word summaries, partial dates, several sources, quotes', () => {
		const people = dataset.actors.filter((actor) => actor.kind === 'person');
		expect(people.length).toBeGreaterThanOrEqual(60);
		expect(people.filter((actor) => actor.aliases.some((alias) => /[\u0400-\u04FF]/.test(alias))).length).toBeGreaterThan(people.length / 3);
		const words = dataset.events.map((event) => event.summary.split(/\s+/).length);
		expect(Math.min(...words)).toBeGreaterThanOrEqual(30);
		expect(Math.max(...words)).toBeLessThanOrEqual(62);
		const dates = new Set(dataset.events.map((event) => event.date === null ? 'null' : /^\d{4}$/.test(event.date) ? 'year' : /^\d{4}-2[1-4]$/.test(event.date) ? 'season' : /^\d{4}-\d{2}$/.test(event.date) ? 'month' : /[~?]$/.test(event.date) ? 'qualified' : 'day'));
		expect([...dates].sort()).toEqual(['day', 'month', 'null', 'qualified', 'season', 'year']);
		expect(dataset.events.some((event) => new Set(event.evidence.map((each) => each.source)).size >= 3)).toBe(true);
		expect(dataset.quotes.length).toBeGreaterThan(dataset.events.length / 5);
		expect(new Set(dataset.events.flatMap((event) => event.tags)).size).toBeGreaterThan(20);
	});

	it('has a few thousand actors at large sizes', () => {
		const actors = [...generateRecords({events: 120_000, seed: 1})].filter((record) => record.type === 'actor');
		expect(actors.length).toBeGreaterThan(3000);
	}, 60_000);
});
