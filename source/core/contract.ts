/**
 * The plain constants of the data contract, shared by the zod schema (`schema.ts`, the one
 * schema and the source of every error message) and the fast checker of the loading path
 * (`check.ts`), which must not load zod to start quickly. A test keeps the key lists equal to the
 * schema's.
 */

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const tagPattern = /^[\p{Ll}\p{N}][\p{Ll}\p{N} -]*$/u;

export const countryPattern = /^[A-Z]{2}$/;

/** What `Text` asks of a string: something other than white space. */
export const textPattern = /\S/;

export const actorKinds = ['person', 'organization', 'country', 'place'] as const;

export const eventStatuses = ['occurred', 'scheduled', 'cancelled', 'postponed'] as const;

export type RecordType = 'source' | 'actor' | 'event' | 'quote';

export const recordTypes: readonly RecordType[] = ['source', 'actor', 'event', 'quote'];

/** The list of the document each record type goes in. */
export const listNames = {source: 'sources', actor: 'actors', event: 'events', quote: 'quotes'} as const satisfies Record<RecordType, string>;

export type ListName = (typeof listNames)[RecordType];

/** Keys of each record, in the schema's order: the order `briefing export` writes them in. */
export const recordKeys: Record<RecordType, readonly string[]> = {
	source: ['id', 'title', 'outlet', 'author', 'published', 'url', 'file', 'lang'],
	actor: ['id', 'name', 'kind', 'aliases', 'role', 'country'],
	event: ['id', 'date', 'status', 'title', 'summary', 'actors', 'location', 'tags', 'evidence'],
	quote: ['id', 'text', 'speaker', 'date', 'channel', 'event', 'partial', 'evidence'],
};

export const evidenceKeys: readonly string[] = ['source', 'exact', 'start', 'end'];
