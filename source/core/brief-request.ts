import type {BriefSelection} from './brief.js';
import type {LinkedDataset} from './dataset.js';
import {formatEdtf} from './edtf.js';
import {isEmptyQuery, type ParsedQuery, parseQuery, type QueryError} from './query.js';
import {sanitizeInline} from './sanitize.js';
import type {Actor} from './schema.js';
import {search, type SearchIndex} from './search.js';

/**
 * What a briefing covers, from `briefing print`'s flags or the dashboard's pins: one place turns
 * either into the items on the page, a scope line and a default title.
 */

export type BriefRequest = {
	readonly actor?: string;
	readonly since?: string;
	readonly until?: string;
	readonly query?: string;
	/** Only these items (pins), when given. */
	readonly pinned?: ReadonlyArray<{readonly kind: 'event' | 'quote' | 'actor'; readonly id: string}>;
};

export type ResolvedBrief = {
	readonly selection: BriefSelection;
	readonly scope: string | undefined;
	readonly title: string;
	readonly query: ParsedQuery | undefined;
	readonly errors: readonly QueryError[];
};

function quoteValue(value: string): string {
	return `"${value.replace(/"/g, '')}"`;
}

/** The flags as one query in the search syntax, so that print and search can never disagree. */
export function requestQuery(request: BriefRequest): string {
	// The free query comes first, so that positions in its errors are the user's own columns.
	const parts: string[] = request.query === undefined ? [] : [request.query];
	if (request.actor !== undefined) {
		parts.push(`actor:${quoteValue(request.actor)}`);
	}

	if (request.since !== undefined) {
		parts.push(`since:${request.since}`);
	}

	if (request.until !== undefined) {
		parts.push(`until:${request.until}`);
	}

	return parts.join(' ');
}

/** The actor a filter names best, or else the two most involved people, as a default title. */
function defaultTitle(linked: LinkedDataset, selection: BriefSelection, actors: readonly Actor[]): string {
	if (actors.length > 0) {
		return sanitizeInline(actors[0]!.name);
	}

	const counts = new Map<string, number>();
	for (const event of selection.events) {
		for (const id of new Set(event.actors)) {
			counts.set(id, (counts.get(id) ?? 0) + 1);
		}
	}

	const people = [...counts]
		.map(([id, count]) => ({actor: linked.actorById.get(id), count}))
		.filter((entry): entry is {actor: Actor; count: number} => entry.actor?.kind === 'person')
		.sort((a, b) => b.count - a.count || a.actor.name.localeCompare(b.actor.name))
		.slice(0, 2)
		.map((entry) => sanitizeInline(entry.actor.name));
	return people.length > 0 ? people.join(' and ') : 'the dataset';
}

export function resolveBrief(linked: LinkedDataset, index: SearchIndex | (() => SearchIndex), request: BriefRequest): ResolvedBrief {
	if (request.pinned) {
		const ids = (kind: string): Set<string> => new Set(request.pinned!.filter((pin) => pin.kind === kind).map((pin) => pin.id));
		const events = ids('event');
		const quotes = ids('quote');
		const actors = ids('actor');
		const selection: BriefSelection = {
			events: linked.events.filter((event) => events.has(event.id)),
			quotes: linked.quotes.filter((quote) => quotes.has(quote.id)),
			actors: linked.actors.filter((actor) => actors.has(actor.id)),
		};
		return {selection, scope: `${request.pinned.length} pinned item${request.pinned.length === 1 ? '' : 's'}`, title: defaultTitle(linked, selection, []), query: undefined, errors: []};
	}

	const text = requestQuery(request);
	const query = parseQuery(text);
	if (query.errors.length > 0) {
		return {selection: {events: [], quotes: [], actors: []}, scope: undefined, title: '', query, errors: query.errors};
	}

	if (isEmptyQuery(query)) {
		const selection = {events: linked.events, quotes: linked.quotes, actors: []};
		return {selection, scope: undefined, title: defaultTitle(linked, selection, []), query: undefined, errors: []};
	}

	const searchIndex = typeof index === 'function' ? index() : index;
	const results = search(searchIndex, query, {limit: Number.MAX_SAFE_INTEGER});
	const events = results.events.map((hit) => linked.eventById.get(hit.id)!).filter(Boolean);
	// Besides what the actors said, what was said at the events that concern them.
	const quoteIds = new Set(results.quotes.map((hit) => hit.id));
	if (query.filters.actors.length > 0) {
		for (const event of events) {
			for (const quote of linked.quotesByEvent.get(event.id) ?? []) {
				quoteIds.add(quote.id);
			}
		}
	}

	const quotes = linked.quotes.filter((quote) => quoteIds.has(quote.id));
	// The actors the filter names, found on their own: date filters would leave them out.
	const named = query.filters.actors.length === 0 ? [] : search(searchIndex, parseQuery(query.filters.actors.map((filter) => `actor:${quoteValue(filter.value)}`).join(' ')), {type: 'actor', limit: 10})
		.actors.map((hit) => linked.actorById.get(hit.id)!).filter(Boolean);
	const matchedActors = query.terms.length > 0 ? results.actors.map((hit) => linked.actorById.get(hit.id)!).filter(Boolean) : [];
	const scope: string[] = [];
	if (query.filters.actors.length > 0) {
		scope.push(named.length > 0 ? named.map((actor) => sanitizeInline(actor.name)).join(', ') : query.filters.actors.map((filter) => sanitizeInline(filter.value)).join(', '));
	}

	if (query.filters.since) {
		scope.push(`since ${formatEdtf(query.filters.since.date)}`);
	}

	if (query.filters.until) {
		scope.push(`until ${formatEdtf(query.filters.until.date)}`);
	}

	if (request.query !== undefined) {
		scope.push(`query “${sanitizeInline(request.query)}”`);
	}

	const actors = [...named, ...matchedActors.filter((actor) => !named.includes(actor))];
	const selection = {events, quotes, actors};
	return {selection, scope: scope.join('; '), title: defaultTitle(linked, selection, named), query, errors: []};
}
