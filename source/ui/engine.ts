import {composeBrief, htmlPage, renderText} from '../core/brief.js';
import {resolveBrief} from '../core/brief-request.js';
import type {LinkedDataset} from '../core/linked.js';
import {createSearchIndex, dashboardSearchOptions, search, type SearchIndex} from '../core/search.js';

/**
 * What the dashboard needs only once someone searches or asks for a briefing: the search engine
 * (with fuse.js) and the briefing. The dashboard loads it after its first frame, so that the frame
 * does not wait for it; see `IndexSource` in app.tsx.
 */

export {composeBrief, dashboardSearchOptions, htmlPage, renderText, resolveBrief, search};

/** An index source that builds the index on first use (or holds one built already): for tests, the bench and small data. */
export function lazyIndexSource(linked: LinkedDataset, built?: SearchIndex): IndexSourceOf<typeof import('./engine.js')> {
	let index: SearchIndex | undefined = built;
	const now = (): SearchIndex => {
		index ??= createSearchIndex(linked);
		return index;
	};

	// eslint-disable-next-line @typescript-eslint/consistent-type-imports
	const engine = {composeBrief, dashboardSearchOptions, htmlPage, renderText, resolveBrief, search, lazyIndexSource} as typeof import('./engine.js');
	return {engine: () => engine, ready: now, progress: () => undefined, subscribe: () => () => undefined, now};
}

/** See `IndexSource` in app.tsx (the two are one type; this one names the engine). */
export type IndexSourceOf<Engine> = {
	readonly engine: () => Engine | undefined;
	readonly ready: () => SearchIndex | undefined;
	readonly progress: () => number | undefined;
	readonly subscribe: (listener: () => void) => () => void;
	readonly now: () => SearchIndex | undefined;
};
