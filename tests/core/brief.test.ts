import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {briefJson, composeBrief, htmlPage, renderHtml, renderMarkdown, renderText} from '../../source/core/brief.js';
import {resolveBrief} from '../../source/core/brief-request.js';
import {type LinkedDataset, linkDataset} from '../../source/core/dataset.js';
import {sanitizeInline} from '../../source/core/sanitize.js';
import {createSearchIndex} from '../../source/core/search.js';
import {generateDataset} from '../../source/tools/generate.js';
import {loadFile} from '../helpers/ink.js';

const seed = loadFile('data/dataset.json');
const seedIndex = createSearchIndex(seed);
const generated = linkDataset(generateDataset({events: 10_000, seed: 7}));
const generatedIndex = createSearchIndex(generated);

function brief(linked: LinkedDataset, index: ReturnType<typeof createSearchIndex>, request: Parameters<typeof resolveBrief>[2], lines = 60, width = 80) {
	const resolved = resolveBrief(linked, index, request);
	expect(resolved.errors).toEqual([]);
	return composeBrief(linked, resolved.selection, {title: resolved.title, ...(resolved.scope ? {scope: resolved.scope} : {}), lines, width});
}

describe('the page', () => {
	it('has every section of a brief on the seed data, in order', () => {
		const text = renderText(brief(seed, seedIndex, {}), 80).join('\n');
		const order = ['BRIEFING: ', 'As of 17 Apr 2025', 'BOTTOM LINE', 'KEY DEVELOPMENTS (NEWEST FIRST)', 'KEY QUOTES', 'WHO\'S WHO', 'WHAT\'S NEXT', 'GAPS', 'SOURCES'];
		const positions = order.map((heading) => text.indexOf(heading));
		expect(positions.every((position) => position >= 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	});

	it('lists developments newest first, each with its number of sources and references', () => {
		const page = brief(seed, seedIndex, {});
		const days = page.developments.map((item) => item.event.date).filter((date) => date !== null);
		expect(days.length).toBeGreaterThan(3);
		const text = renderText(page, 80);
		const first = text.find((line) => line.startsWith('17 Apr 2025'));
		expect(first).toMatch(/· \d sources? \[\d\](\[\d\])*$/);
	});

	it('puts only scheduled events after the as-of date under what\'s next', () => {
		const page = brief(seed, seedIndex, {});
		expect(page.next.length).toBeGreaterThan(0);
		for (const item of page.next) {
			expect(item.event.status).toBe('scheduled');
		}
	});

	it('shows only what concerns Macron in 2025 for --actor macron --since 2025-01', () => {
		const page = brief(seed, seedIndex, {actor: 'macron', since: '2025-01'});
		expect(page.title).toBe('Emmanuel Macron');
		expect(page.developments.length).toBeGreaterThan(0);
		for (const item of [...page.developments, ...page.next]) {
			expect(item.event.actors.some((id) => id === 'emmanuel-macron' || id === 'french-presidency')).toBe(true);
			expect(item.event.date === null || item.event.date >= '2025').toBe(true);
		}

		for (const item of page.quotes) {
			expect(item.quote.date === null || item.quote.date >= '2025').toBe(true);
		}
	});

	it('says what was left out and how to see it', () => {
		const text = renderText(brief(seed, seedIndex, {}), 80).join(' ');
		expect(text).toMatch(/Not shown for space: \d+ developments?(, \d+ quotes?)?(, \d+ upcoming events?)?\. Narrow with --actor, --since or --query, or raise --lines\.$/);
	});

	it('shows a partial quote as partial', () => {
		const partial = seed.quotes.find((quote) => quote.partial)!;
		const page = composeBrief(seed, {events: [], quotes: [partial], actors: []}, {title: 't', lines: 60, width: 80});
		expect(renderText(page, 80).join(' ')).toContain(`“…${partial.text.split(' ')[0]}`);
	});
});

/** Quoted passages of a rendered page, with the wrapping undone. */
function printedQuotes(text: string): string[] {
	const joined = text.replace(/\n\s+/g, ' ');
	return [...joined.matchAll(/“(…?)(.+?)(…?)”(?= —)/g)].map((match) => match[2]!);
}

describe('quotes are verbatim', () => {
	it('every quote printed in every format exists word for word in the dataset', () => {
		const texts = new Set(seed.quotes.map((quote) => sanitizeInline(quote.text)));
		const requests = [{}, ...seed.actors.map((actor) => ({actor: actor.name})), {query: 'ceasefire'}, {since: '2025-04'}];
		let checked = 0;
		for (const request of requests) {
			const page = brief(seed, seedIndex, request, 200, 120);
			for (const text of [...printedQuotes(renderText(page, 120).join('\n')), ...printedQuotes(renderMarkdown(page, 120).join('\n').replace(/\\(.)/g, '$1'))]) {
				expect(texts.has(text), text).toBe(true);
				checked++;
			}

			for (const quote of (briefJson(page) as {quotes: Array<{text: string}>}).quotes) {
				expect(seed.quotes.some((each) => each.text === quote.text)).toBe(true);
			}
		}

		expect(checked).toBeGreaterThan(seed.quotes.length);
	});
});

describe('one page means one page', () => {
	it('holds a query that matches many actors on a small page (found by the property below)', () => {
		const resolved = resolveBrief(generated, generatedIndex, {query: 'peace'});
		expect(resolved.selection.actors.length).toBeGreaterThan(8);
		const page = composeBrief(generated, resolved.selection, {title: resolved.title, lines: 20, width: 40, ...(resolved.scope ? {scope: resolved.scope} : {})});
		expect(renderText(page, 40).length).toBeLessThanOrEqual(20);
		expect(renderMarkdown(page, 40).length).toBeLessThanOrEqual(20);
		expect(page.whosWho.length).toBeGreaterThan(0);
	});

	const datasets = [
		{name: 'the seed data', linked: seed, index: seedIndex},
		{name: 'a generated dataset of 10,000 events', linked: generated, index: generatedIndex},
	];

	for (const {name, linked, index} of datasets) {
		it(`text and Markdown never exceed --lines of --width columns on ${name}`, () => {
			const actorNames = linked.actors.map((actor) => actor.name);
			const words = ['ceasefire', 'talks', 'paris', 'macron', 'zelensky', 'grain', 'strike', 'kyiv', 'peace', 'troops', 'минск'];
			const request = fc.record({
				actor: fc.option(fc.constantFrom(...actorNames), {nil: undefined}),
				since: fc.option(fc.constantFrom('2015', '2019', '2022-22', '2024-12', '2025-01', '2025-04-17'), {nil: undefined}),
				until: fc.option(fc.constantFrom('2020', '2024', '2025-03', '2025-04-17', '2026'), {nil: undefined}),
				query: fc.option(fc.constantFrom(...words), {nil: undefined}),
			}, {requiredKeys: []});
			fc.assert(fc.property(request, fc.integer({min: 40, max: 160}), fc.integer({min: 20, max: 120}), fc.string({maxLength: 300}), (filters, width, lines, title) => {
				const clean = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
				const resolved = resolveBrief(linked, index, clean);
				const page = composeBrief(linked, resolved.selection, {title: title || resolved.title, lines, width, ...(resolved.scope ? {scope: resolved.scope} : {})});
				for (const rendered of [renderText(page, width), renderMarkdown(page, width)]) {
					expect(rendered.length).toBeLessThanOrEqual(lines);
					for (const line of rendered) {
						expect(stringWidth(line)).toBeLessThanOrEqual(width);
					}
				}
			}), {numRuns: linked === seed ? 1000 : 60});
		}, 120_000);
	}

	it('counts wide characters as two columns', () => {
		const wide = structuredClone(seed.dataset);
		for (const event of wide.events) {
			event.title = `東京会議 ${event.title} 😀😀`;
		}

		const linked = linkDataset(wide);
		const page = composeBrief(linked, {events: linked.events, quotes: linked.quotes, actors: []}, {title: '北京 briefing', lines: 40, width: 50});
		for (const line of renderText(page, 50)) {
			expect(stringWidth(line)).toBeLessThanOrEqual(50);
		}
	});

	it('fits the HTML page with its own budget', () => {
		const page = brief(seed, seedIndex, {}, htmlPage.lines, htmlPage.width);
		const html = renderHtml(page);
		expect(html).toContain('<style>');
		expect(html).not.toMatch(/<script|<link|src=|url\(/i);
	});
});
