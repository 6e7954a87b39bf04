import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {validateDataset} from '../../source/core/dataset.js';
import type {Dataset} from '../../source/core/schema.js';
import {type ArticleResult, emptyState, ingestArticle, type IngestState, makeContext, mergeIntoDataset} from '../../source/ingest/index.js';
import {repoRoot} from '../helpers/cli.js';

const empty = (): Dataset => ({version: 1, sources: [], actors: [], events: [], quotes: []});

const first = ` date 2025-04-17 Rubio and Macron meet in Paris

U.S. Secretary of State Marco Rubio met French President Emmanuel Macron in Paris on Thursday to discuss a ceasefire.

"We made progress," Rubio told reporters.`;

const second = ` date 2025-04-18 Paris meeting ends without a deal

Marco Rubio and Emmanuel Macron met in Paris on April 17 to discuss a ceasefire, officials said.

Secretary of State Rubio left for Washington on Friday.`;

const aliases = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'aliases.json'), 'utf8')) as object;

function ingest(dataset: Dataset, files: Record<string, string>, state: IngestState = emptyState()) {
	const context = makeContext(dataset, aliases);
	const results: ArticleResult[] = Object.entries(files).map(([file, text]) => ingestArticle(text, file, context));
	const merged = mergeIntoDataset(dataset, results, state, context.lexicon);
	const valid = validateDataset(merged.dataset, 'merged');
	expect(valid.ok ? [] : valid.problems).toEqual([]);
	return merged;
}

describe('mergeIntoDataset', () => {
	it('makes one event of a happening two sources report, with one evidence entry each', () => {
		const {dataset} = ingest(empty(), {'a.txt': first, 'b.txt': second});
		const meetings = dataset.events.filter((event) => event.date === '2025-04-17');
		expect(meetings).toHaveLength(1);
		expect(meetings[0]!.evidence.map((evidence) => evidence.source).sort()).toEqual(dataset.sources.map((source) => source.id).sort());
		expect(meetings[0]!.summary).toContain('Reported by 2 sources');
	});

	it('gives readable slugs as ids', () => {
		const {dataset} = ingest(empty(), {'a.txt': first});
		expect(dataset.sources[0]!.id).toBe('2025-04-17-rubio-and-macron-meet-in-paris');
		expect(dataset.actors.map((actor) => actor.id)).toEqual(expect.arrayContaining(['marco-rubio', 'emmanuel-macron', 'paris']));
		expect(dataset.events[0]!.id).toMatch(/^2025-04-17-rubio-macron-/);
		expect(dataset.quotes[0]!.id).toBe('rubio-2025-04-17-made-progress');
	});

	it('changes nothing when the same files are ingested again', () => {
		const once = ingest(empty(), {'a.txt': first, 'b.txt': second});
		const twice = ingest(once.dataset, {'a.txt': first, 'b.txt': second}, once.state);
		expect(twice.dataset).toEqual(once.dataset);
		expect(twice.state).toEqual(once.state);
		expect(twice.report.files.map((file) => file.status)).toEqual(['unchanged', 'unchanged']);
	});

	it('adds nothing twice even when the state is lost', () => {
		const once = ingest(empty(), {'a.txt': first});
		const again = ingest(once.dataset, {'a.txt': first});
		expect(again.dataset.events).toEqual(once.dataset.events);
		expect(again.dataset.quotes).toEqual(once.dataset.quotes);
		expect(again.dataset.sources).toEqual(once.dataset.sources);
	});

	it('keeps ids stable when a later article adds to an event', () => {
		const once = ingest(empty(), {'a.txt': first});
		const ids = once.dataset.events.map((event) => event.id);
		const later = ingest(once.dataset, {'b.txt': second}, once.state);
		expect(later.dataset.events.filter((event) => ids.includes(event.id))).toHaveLength(ids.length);
		expect(later.report.files[0]!.merged.events).toBeGreaterThan(0);
	});

	it('never changes an event a person edited; the new report goes beside it', () => {
		const once = ingest(empty(), {'a.txt': first});
		const edited = structuredClone(once.dataset);
		const event = edited.events.find((each) => each.date === '2025-04-17')!;
		event.title = 'Rubio and Macron discuss a ceasefire (checked)';
		const later = ingest(edited, {'b.txt': second}, once.state);
		expect(later.dataset.events.find((each) => each.id === event.id)).toEqual(event);
		expect(later.report.files[0]!.beside).toBe(1);
		expect(later.dataset.events.filter((each) => each.date === '2025-04-17')).toHaveLength(2);
		expect(later.report.files[0]!.notes.join('\n')).toContain(`event ${event.id} was edited or reviewed by a person`);
	});

	it('never changes a record marked reviewed', () => {
		const once = ingest(empty(), {'a.txt': first});
		const event = once.dataset.events.find((each) => each.date === '2025-04-17')!;
		const state = {...once.state, reviewed: [`event:${event.id}`]};
		const later = ingest(once.dataset, {'b.txt': second}, state);
		expect(later.dataset.events.find((each) => each.id === event.id)).toEqual(event);
		expect(later.state.reviewed).toEqual([`event:${event.id}`]);
	});

	it('keeps an edited actor as it is and records new spellings as suggestions', () => {
		const once = ingest(empty(), {'a.txt': first});
		const edited = structuredClone(once.dataset);
		const rubio = edited.actors.find((actor) => actor.id === 'marco-rubio')!;
		rubio.role = 'Secretary of State of the United States';
		const text = ` date 2025-04-19 Rubio in Rome\n\nMarko Rubio arrived in Rome on Saturday.`;
		const later = ingest(edited, {'c.txt': text}, once.state);
		expect(later.dataset.actors.find((actor) => actor.id === 'marco-rubio')).toEqual(rubio);
		expect(later.state.suggestions).toContainEqual(expect.objectContaining({record: 'actor:marco-rubio', field: 'aliases', value: 'Marko Rubio'}));
	});

	it('treats hand-made records (never written by ingest) as a person\'s: a file already a source adds only what is missing', () => {
		const once = ingest(empty(), {'a.txt': first});
		const handMade = structuredClone(once.dataset);
		const again = ingest(handMade, {'a.txt': first});
		expect(again.dataset.events).toEqual(handMade.events);
		expect(again.report.files[0]!.skipped).toBeGreaterThan(0);
	});

	it('joins spellings of one person from several articles, and lets one name point at one actor', () => {
		const {dataset} = ingest(empty(), {
			'a.txt': ' date 2025-04-17 A\n\nUkrainian President Volodymyr Zelensky met Macron in Kyiv on Thursday.',
			'b.txt': ' date 2025-04-18 B\n\nVolodymyr Zelenskyy visited Kiev again on Friday. Zelenskiy thanked the troops.',
		});
		const people = dataset.actors.filter((actor) => actor.kind === 'person' && /Zelensk/.test(actor.name));
		expect(people).toHaveLength(1);
		expect([people[0]!.name, ...people[0]!.aliases]).toEqual(expect.arrayContaining(['Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Zelenskiy']));
		expect(dataset.actors.filter((actor) => actor.name === 'Kyiv' || actor.aliases.includes('Kiev'))).toHaveLength(1);
	});

	it('takes the role from the latest source', () => {
		const {dataset} = ingest(empty(), {
			'a.txt': ' date 2025-01-14 A\n\nU.S. President-elect Donald Trump spoke on Monday.',
			'b.txt': ' date 2025-04-17 B\n\nUS President Donald Trump spoke on Thursday.',
		});
		expect(dataset.actors.find((actor) => actor.name === 'Donald Trump')?.role).toBe('President of the United States');
	});

	it('updates the status as of the latest source', () => {
		const {dataset} = ingest(empty(), {
			'a.txt': ' date 2025-01-14 A\n\nPresident-elect Donald Trump takes office on Jan. 20.',
			'b.txt': ' date 2025-04-17 B\n\nDonald Trump took office on January 20, 2025.',
		});
		const inauguration = dataset.events.filter((event) => event.tags.includes('inauguration'));
		expect(inauguration).toHaveLength(1);
		expect(inauguration[0]).toMatchObject({date: '2025-01-20', status: 'occurred'});
	});
});
