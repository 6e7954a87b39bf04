import type {LinkedDataset} from '../core/dataset.js';
import {type EdtfDate, formatEdtf} from '../core/edtf.js';
import type {Actor, Event, Quote} from '../core/schema.js';
import type {SearchResults} from '../core/search.js';
import type {PaneId} from './layout.js';

/** What the panes list, after cross-filtering. Pure functions of the dataset and the filter. */

export type Filter = {readonly actor: string} | null;

export type PaneItems = {
	readonly timeline: readonly Event[];
	readonly actors: readonly Actor[];
	readonly quotes: readonly Quote[];
};

export type Involvement = {readonly events: number; readonly quotes: number};

export function involvement(linked: LinkedDataset, actorId: string): Involvement {
	return {events: linked.eventsByActor.get(actorId)?.length ?? 0, quotes: linked.quotesByActor.get(actorId)?.length ?? 0};
}

/** Most involved first: events and quotes together, then by name. */
export function actorsByInvolvement(linked: LinkedDataset): Actor[] {
	const weight = (actor: Actor): number => {
		const {events, quotes} = involvement(linked, actor.id);
		return events + quotes;
	};

	return [...linked.actors].sort((a, b) => weight(b) - weight(a) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

/** Search results as the panes use them: items best first, and what matched in each. */
export type PaneMatches = {
	readonly events: readonly Event[];
	readonly actors: readonly Actor[];
	readonly quotes: readonly Quote[];
	/** The matched ranges of the field each pane shows (title, name, text), by id. */
	readonly ranges: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
	readonly total: {readonly events: number; readonly actors: number; readonly quotes: number};
};

export function paneMatches(linked: LinkedDataset, results: SearchResults): PaneMatches {
	const ranges = new Map<string, ReadonlyArray<readonly [number, number]>>();
	const shown = {event: 'title', actor: 'name', quote: 'text'} as const;
	const take = <T>(hits: SearchResults['events'], lookup: ReadonlyMap<string, T>): T[] => hits.flatMap((hit) => {
		const item = lookup.get(hit.id);
		const field = hit.highlights[shown[hit.kind]];
		if (field) {
			ranges.set(`${hit.kind}:${hit.id}`, field);
		}

		return item === undefined ? [] : [item];
	});

	return {
		events: take(results.events, linked.eventById),
		actors: take(results.actors, linked.actorById),
		quotes: take(results.quotes, linked.quoteById),
		ranges,
		total: results.total,
	};
}

export function paneItems(linked: LinkedDataset, actorsRanked: readonly Actor[], filter: Filter, matches?: PaneMatches): PaneItems {
	const events = matches?.events ?? linked.events;
	const quotes = matches?.quotes ?? linked.quotes;
	const actors = matches?.actors ?? actorsRanked;
	if (filter === null) {
		return {timeline: events, actors, quotes};
	}

	return {
		timeline: matches ? events.filter((event) => event.actors.includes(filter.actor)) : linked.eventsByActor.get(filter.actor) ?? [],
		actors,
		quotes: quotes.filter((quote) => quote.speaker === filter.actor),
	};
}

/** The number of distinct sources reporting an event: its corroboration. */
export function sourceCount(event: Event): number {
	return new Set(event.evidence.map((evidence) => evidence.source)).size;
}

/** A list drawn line by line: which line each item starts on and how many lines it takes. */
export type ListShape = {
	readonly itemCount: number;
	readonly lineCount: number;
	readonly firstLine: (item: number) => number;
	readonly itemHeight: number;
	/** The item a line belongs to, or -1 for a separator line. */
	readonly itemAt: (line: number) => number;
};

export type TimelineLine = {readonly kind: 'separator'; readonly label: string} | {readonly kind: 'item'; readonly item: number};

/** Month headings for dated events (year or season for coarser dates), one for the undated. */
export function separatorLabel(date: EdtfDate | null): string {
	if (date === null) {
		return 'Undated';
	}

	if (date.precision === 'day' || date.precision === 'month') {
		return formatEdtf({...date, precision: 'month', qualifier: null});
	}

	return formatEdtf({...date, qualifier: null});
}

export type TimelineModel = ListShape & {readonly lines: readonly TimelineLine[]; readonly latestDated: number};

export function timelineModel(events: readonly Event[], dates: LinkedDataset['eventDate']): TimelineModel {
	const lines: TimelineLine[] = [];
	const starts = new Int32Array(events.length);
	let previous: string | undefined;
	let latestDated = 0;
	for (const [index, event] of events.entries()) {
		const date = dates.get(event.id) ?? null;
		const label = separatorLabel(date);
		if (label !== previous) {
			lines.push({kind: 'separator', label});
			previous = label;
		}

		if (date !== null) {
			latestDated = index;
		}

		starts[index] = lines.length;
		lines.push({kind: 'item', item: index});
	}

	return {
		lines,
		latestDated,
		itemCount: events.length,
		lineCount: lines.length,
		itemHeight: 1,
		firstLine: (item) => starts[item] ?? 0,
		itemAt: (line) => {
			const entry = lines[line];
			return entry?.kind === 'item' ? entry.item : -1;
		},
	};
}

export function uniformModel(itemCount: number, itemHeight: number): ListShape {
	return {
		itemCount,
		lineCount: itemCount * itemHeight,
		itemHeight,
		firstLine: (item) => item * itemHeight,
		itemAt: (line) => Math.floor(line / itemHeight),
	};
}

/**
 * The first line to draw so that the selected item is fully visible, moving as little as possible
 * from where the list was; a separator just above the selection is kept in view with it.
 */
export function windowStart(shape: ListShape, selected: number, previousStart: number, height: number): number {
	if (shape.lineCount <= height || height <= 0) {
		return 0;
	}

	const first = shape.firstLine(selected);
	const last = first + shape.itemHeight - 1;
	let start = Math.min(previousStart, shape.lineCount - height);
	if (last >= start + height) {
		start = last - height + 1;
	}

	const top = first > 0 && shape.itemAt(first - 1) === -1 ? first - 1 : first;
	if (top < start) {
		start = top;
	}

	return Math.max(0, Math.min(start, shape.lineCount - height));
}

export type Selection =
	| {readonly kind: 'event'; readonly event: Event}
	| {readonly kind: 'actor'; readonly actor: Actor}
	| {readonly kind: 'quote'; readonly quote: Quote}
	| {readonly kind: 'none'; readonly pane: PaneId};
