/**
 * Stage 7: findings into the dataset. Ids are readable slugs made once and never changed; the
 * same happening reported by several sources becomes one event with one evidence entry per source;
 * spellings of one actor become one actor with aliases. Ingesting the same files again changes
 * nothing: a file whose content was ingested before is recognized by its hash and left alone.
 *
 * What a person edited or marked reviewed is never overwritten. Ingest keeps a sidecar state
 * (`ingest-state.json` beside the dataset) with a hash of every record as ingest last wrote it; a
 * record whose current content differs from that hash, a record ingest never wrote (hand-made
 * data), and a record listed under `reviewed` are a person's. New findings about them are added
 * beside them: a new event or quote with its own id, or, for actors, a suggestion in the state and
 * the report. See docs/ingest.md.
 */

import {createHash} from 'node:crypto';
import {formatDateText, parseEdtf} from '../core/edtf.js';
import {normalizeForMatch} from '../core/dataset.js';
import type {Actor, Dataset, Event, Evidence, Quote, Source} from '../core/schema.js';
import {contentWords} from './events.js';
import type {ActorFinding, ArticleEvent, ArticleResult} from './index.js';
import {emptyLexicon, isLatin, type Lexicon, nameKey, personKey, placeKey, readableSlug, surnameKey} from './names.js';

export type Suggestion = {readonly record: string; readonly source: string; readonly field: string; readonly value: string};

export type IngestState = {
	version: 1;
	/** `kind:id` → hash of the record as ingest last wrote it. */
	records: Record<string, string>;
	/** Source id → the file it was read from and the SHA-256 of its text. */
	sources: Record<string, {file: string; sha256: string}>;
	/** `kind:id` of records a person has reviewed: ingest never changes them. */
	reviewed: string[];
	/** Findings about a person's records that ingest did not apply. */
	suggestions: Suggestion[];
	/** Actor id → publication date of the source its role was taken from. */
	roleAsOf: Record<string, string>;
};

export function emptyState(): IngestState {
	return {version: 1, records: {}, sources: {}, reviewed: [], suggestions: [], roleAsOf: {}};
}

type Counts = {actors: number; events: number; quotes: number};

export type FileReport = {
	file: string;
	source: string;
	status: 'added' | 'unchanged' | 'changed';
	added: Counts & {source: number};
	/** Existing records this file added to (evidence, spellings) or confirmed. */
	merged: Counts;
	/** Findings not applied: already recorded, or about a person's records (added beside them instead). */
	skipped: number;
	beside: number;
	notes: string[];
};

export type MergeReport = {files: FileReport[]; changed: boolean};

const zeroCounts = (): Counts => ({actors: 0, events: 0, quotes: 0});

/** A stable JSON form of a record: keys in schema order, as the dataset writes them. */
function recordHash(record: unknown): string {
	return createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 16);
}

const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

function uniqueId(base: string, taken: Set<string>, fallback: string): string {
	let id = base.replace(/-+/g, '-').replace(/^-|-$/g, '') || fallback;
	if (id.length > 60) {
		id = id.slice(0, 60).replace(/-[^-]*$/, '') || id.slice(0, 60);
	}

	// The next free number for each base, so that many events of one kind stay cheap to name.
	let counters = nextSuffix.get(taken);
	if (!counters) {
		counters = new Map();
		nextSuffix.set(taken, counters);
	}

	let candidate = id;
	let counter = counters.get(id) ?? 2;
	while (taken.has(candidate)) {
		candidate = `${id}-${counter}`;
		counter++;
	}

	counters.set(id, counter);
	taken.add(candidate);
	return candidate;
}

const strip = (date: string | null): string | null => date?.replace(/[~?]$/, '') ?? null;

function dateRange(date: string | null): [number, number] | null {
	if (date === null) {
		return null;
	}

	const parsed = parseEdtf(date);
	return parsed.ok ? [parsed.date.earliest, parsed.date.latest] : null;
}

function precisionRank(date: string | null): number {
	if (date === null) {
		return -1;
	}

	const parsed = parseEdtf(date);
	if (!parsed.ok) {
		return -1;
	}

	const rank = {year: 0, season: 1, month: 2, day: 3}[parsed.date.precision];
	return rank * 2 + (parsed.date.qualifier === null ? 1 : 0);
}

type ActorSlot = {actor: Actor; owned: boolean; created: boolean; kinds: Set<string>};

/** Merges the findings of a batch into a dataset. Results are merged in the order given. */
export function mergeIntoDataset(input: Dataset, results: readonly ArticleResult[], previous: IngestState = emptyState(), lexicon: Lexicon = emptyLexicon): {dataset: Dataset; state: IngestState; report: MergeReport} {
	const dataset: Dataset = structuredClone(input);
	const state: IngestState = structuredClone(previous);
	state.reviewed ??= [];
	state.suggestions ??= [];
	state.roleAsOf ??= {};
	const reviewed = new Set(state.reviewed);
	const owns = (kind: string, id: string, record: unknown): boolean => !reviewed.has(`${kind}:${id}`) && state.records[`${kind}:${id}`] === recordHash(record);
	const ownedActors = new Set(dataset.actors.filter((actor) => owns('actor', actor.id, actor)).map((actor) => actor.id));
	const ownedEvents = new Set(dataset.events.filter((event) => owns('event', event.id, event)).map((event) => event.id));
	const ownedQuotes = new Set(dataset.quotes.filter((quote) => owns('quote', quote.id, quote)).map((quote) => quote.id));
	const ownedSources = new Set(dataset.sources.filter((source) => owns('source', source.id, source)).map((source) => source.id));
	const touched = new Set<string>();
	const reports: FileReport[] = [];
	const sourceIds = new Set(dataset.sources.map((source) => source.id));
	const actorIds = new Set(dataset.actors.map((actor) => actor.id));
	const eventIds = new Set(dataset.events.map((event) => event.id));
	const quoteIds = new Set(dataset.quotes.map((quote) => quote.id));
	const publishedOf = new Map(dataset.sources.map((source) => [source.id, source.published]));
	let changed = false;

	// 1. Sources: a file already ingested (same content) is left alone.
	type Work = {result: ArticleResult; source: Source; report: FileReport};
	const work: Work[] = [];
	const sourceByHash = new Map<string, string>();
	for (const [id, entry] of Object.entries(state.sources)) {
		if (sourceIds.has(id)) {
			sourceByHash.set(entry.sha256, id);
		}
	}

	const sourcesByFile = new Map<string, Source[]>();
	for (const source of dataset.sources) {
		if (source.file !== null) {
			sourcesByFile.set(source.file, [...sourcesByFile.get(source.file) ?? [], source]);
		}
	}

	const workHashes = new Set<string>();
	for (const result of results) {
		const knownId = sourceByHash.get(result.hash);
		const known = knownId === undefined ? undefined : [knownId] as const;
		const report: FileReport = {file: result.file, source: '', status: 'added', added: {...zeroCounts(), source: 0}, merged: zeroCounts(), skipped: 0, beside: 0, notes: [...result.notes]};
		reports.push(report);
		if (known) {
			report.source = known[0];
			report.status = 'unchanged';
			report.notes = ['already ingested with this content: nothing to do'];
			continue;
		}

		if (workHashes.has(result.hash)) {
			report.status = 'unchanged';
			report.notes = ['the same text as another file of this batch: skipped'];
			continue;
		}

		// A hand-made record of the same file (the bundled data): the same article.
		const sameName = sourcesByFile.get(result.source.file) ?? [];
		const sameFile = sameName.find((source) => !state.sources[source.id]);
		const changedFile = sameName.find((source) => state.sources[source.id] && state.sources[source.id]!.sha256 !== result.hash);
		let source: Source;
		if (sameFile) {
			source = sameFile;
			report.status = 'unchanged';
			report.notes.unshift('this file is already a source of the dataset (recorded by hand): only what it lacks is added');
		} else {
			if (changedFile) {
				report.status = 'changed';
				report.notes.unshift(`the file changed since it was ingested as ${changedFile.id}: added as a new source beside it`);
			}

			const words = readableSlug(result.source.title ?? result.lede, 6);
			const base = [result.source.published ?? (result.source.outlet ? readableSlug(result.source.outlet, 2) : ''), words].filter(Boolean).join('-');
			source = {
				id: uniqueId(base, sourceIds, readableSlug(result.file.replace(/\.[^.]+$/, ''), 6) || 'source'),
				title: result.source.title,
				outlet: result.source.outlet,
				author: result.source.author,
				published: result.source.published,
				url: result.source.url,
				file: result.source.file,
				lang: result.source.lang,
			};
			dataset.sources.push(source);
			ownedSources.add(source.id);
			touched.add(`source:${source.id}`);
			publishedOf.set(source.id, source.published);
			report.added.source = 1;
			changed = true;
		}

		state.sources[source.id] = {file: result.file, sha256: result.hash};
		report.source = source.id;
		work.push({result, source, report});
		workHashes.add(result.hash);
		sourceByHash.set(result.hash, source.id);
	}

	if (work.length > 0) {
		changed = true;
	}

	// 2. Actors: every finding of the batch resolved to one actor, people with full names first so
	// that surnames alone resolve to them.
	const slots: ActorSlot[] = dataset.actors.map((actor) => ({actor, owned: ownedActors.has(actor.id), created: false, kinds: new Set()}));
	const slotById = new Map(slots.map((slot) => [slot.actor.id, slot]));
	const byKey = new Map<string, ActorSlot[]>();
	const index = (slot: ActorSlot): void => {
		for (const key of actorKeys(slot.actor, lexicon)) {
			const list = byKey.get(key) ?? [];
			if (!list.includes(slot)) {
				list.push(slot);
			}

			byKey.set(key, list);
		}
	};

	for (const slot of slots) {
		index(slot);
	}

	const slotByFinding = new Map<string, ActorSlot>();
	const roleAsOfPending = new Map<ActorSlot, string>();
	const findingKey = (work: Work, key: string): string => `${work.source.id}\u0000${key}`;
	type Pending = {work: Work; finding: ActorFinding};
	const findings: Pending[] = work.flatMap((each) => each.result.actors.map((finding) => ({work: each, finding})));
	const order = (pending: Pending): number => (pending.finding.kind === 'person' ? (pending.finding.name.trim().includes(' ') ? 0 : 1) : 2);
	const sorted = [...findings].sort((a, b) => order(a) - order(b));
	// Spelling counts over the batch, for display names of new actors.
	const spellingCounts = new Map<ActorSlot, Map<string, number>>();
	const roleCandidates = new Map<ActorSlot, Array<{role: string; country: string | null; published: string; source: string}>>();

	for (const {work: each, finding} of sorted) {
		let slot = finding.knownId ? slotById.get(finding.knownId) : undefined;
		slot ??= matchActor(finding, byKey, slots, lexicon);
		if (!slot) {
			const actor: Actor = {id: '', name: finding.name, kind: finding.kind, aliases: [], role: null, country: finding.country};
			slot = {actor, owned: true, created: true, kinds: new Set()};
			slots.push(slot);
			each.report.added.actors++;
		} else if (!slot.created || !slot.kinds.has(each.source.id)) {
			each.report.merged.actors++;
		}

		slot.kinds.add(each.source.id);
		slotByFinding.set(findingKey(each, finding.key), slot);
		const counts = spellingCounts.get(slot) ?? new Map<string, number>();
		for (const spelling of [finding.name, ...finding.aliases]) {
			counts.set(spelling, (counts.get(spelling) ?? 0) + (spelling === finding.name ? Math.max(1, finding.mentions) : 1));
		}

		spellingCounts.set(slot, counts);
		if (finding.role) {
			const list = roleCandidates.get(slot) ?? [];
			list.push({role: finding.role, country: finding.country, published: each.source.published ?? '', source: each.source.id});
			roleCandidates.set(slot, list);
		}

		if (finding.country && slot.actor.country === null && slot.owned) {
			slot.actor.country = finding.country;
		}

		// New spellings join the actor (and its keys), unless a person's record.
		if (slot.owned) {
			for (const spelling of [finding.name, ...finding.aliases]) {
				addAlias(slot.actor, spelling);
			}
		} else {
			for (const spelling of [finding.name, ...finding.aliases]) {
				if (spelling !== slot.actor.name && !slot.actor.aliases.includes(spelling) && !slot.created) {
					suggest(state, `actor:${slot.actor.id}`, each.source.id, 'aliases', spelling);
				}
			}
		}

		index(slot);
	}

	// Names, roles and ids of the actors this batch created or may change.
	for (const slot of slots) {
		if (!slot.owned) {
			const candidates = roleCandidates.get(slot) ?? [];
			for (const candidate of candidates) {
				if (candidate.role !== slot.actor.role) {
					suggest(state, `actor:${slot.actor.id}`, candidate.source, 'role', candidate.role);
				}
			}

			continue;
		}

		const counts = spellingCounts.get(slot);
		if (slot.created && counts) {
			slot.actor.name = displayName(slot.actor.kind, counts);
			slot.actor.aliases = slot.actor.aliases.filter((alias) => alias !== slot.actor.name);
			for (const spelling of [...counts.keys()].sort()) {
				addAlias(slot.actor, spelling);
			}
		}

		// A person is also known by the surname alone ("Macron").
		const surname = slot.actor.kind === 'person' ? /\s([\p{Lu}][\p{L}\p{M}'’-]{2,})$/u.exec(slot.actor.name)?.[1] : undefined;
		if (surname) {
			addAlias(slot.actor, surname);
		}

		const candidates = roleCandidates.get(slot) ?? [];
		if (candidates.length > 0) {
			const best = [...candidates].sort((a, b) => b.published.localeCompare(a.published) || roleScore(b.role, b.country) - roleScore(a.role, a.country))[0]!;
			const asOf = slot.created ? '' : state.roleAsOf[slot.actor.id] ?? '';
			if (slot.actor.role === null || best.published >= asOf) {
				if (slot.actor.role !== best.role) {
					slot.actor.role = best.role;
				}

				slot.actor.country ??= best.country;
				if (slot.actor.id) {
					state.roleAsOf[slot.actor.id] = best.published;
				} else {
					roleAsOfPending.set(slot, best.published);
				}
			}
		}

		if (slot.created) {
			slot.actor.id = uniqueId(readableSlug(slot.actor.name, 6), actorIds, slot.actor.kind);
			state.roleAsOf[slot.actor.id] = roleAsOfPending.get(slot) ?? '';
			if (state.roleAsOf[slot.actor.id] === '') {
				delete state.roleAsOf[slot.actor.id];
			}

			dataset.actors.push(slot.actor);
		}

		touched.add(`actor:${slot.actor.id}`);
	}

	// One name names one actor: an alias that is another actor's name is dropped from the owned one.
	const names = new Map<string, string>();
	for (const slot of slots) {
		names.set(`${slot.actor.kind === 'person' ? 'p' : 'o'}:${nameKey(slot.actor.name)}`, slot.actor.id);
	}

	for (const slot of slots) {
		if (slot.owned) {
			slot.actor.aliases = slot.actor.aliases.filter((alias) => {
				const other = names.get(`${slot.actor.kind === 'person' ? 'p' : 'o'}:${nameKey(alias)}`) ?? names.get(`${slot.actor.kind === 'person' ? 'o' : 'p'}:${nameKey(alias)}`);
				return other === undefined || other === slot.actor.id;
			});
		}
	}

	const actorId = (each: Work, key: string): string | undefined => slotByFinding.get(findingKey(each, key))?.actor.id;
	const countryIds = new Set(dataset.actors.filter((actor) => actor.kind === 'country').map((actor) => actor.id));
	const personIds = new Set(dataset.actors.filter((actor) => actor.kind === 'person').map((actor) => actor.id));
	const countryOf = new Map(dataset.actors.map((actor) => [actor.id, actor.country]));

	// 3. Events: the same happening from another source joins the event; a person's event gets the
	// new report beside it.
	const eventWords = new Map<string, Set<string>>();
	for (const event of dataset.events) {
		eventWords.set(event.id, new Set(wordsOf(event)));
	}

	const earlierEvents = new Set(dataset.events.map((event) => event.id));
	const earlierQuotes = new Set(dataset.quotes.map((quote) => quote.id));
	const actorById = new Map(dataset.actors.map((actor) => [actor.id, actor]));
	const sourceById = new Map(dataset.sources.map((source) => [source.id, source]));
	// Events by the source they cite, and by what a match needs to share: a person, organization or
	// place, or the day of a gathering of several countries.
	const eventsBySource = new Map<string, Event[]>();
	const eventsByKey = new Map<string, Set<Event>>();
	const indexEvent = (event: Event): void => {
		for (const evidence of event.evidence) {
			const list = eventsBySource.get(evidence.source) ?? [];
			if (!list.includes(event)) {
				list.push(event);
			}

			eventsBySource.set(evidence.source, list);
		}

		for (const key of eventKeys(event.actors, event.location, event.date, countryIds, event.tags, 'index')) {
			const set = eventsByKey.get(key) ?? new Set<Event>();
			set.add(event);
			eventsByKey.set(key, set);
		}
	};

	for (const event of dataset.events) {
		indexEvent(event);
	}

	const candidatesOf = (actors: readonly string[], location: string | null, date: string | null, tags: readonly string[], published: string | null): Event[] => {
		const found = new Set<Event>();
		for (const key of eventKeys(actors, location, date ?? (published === null ? null : `around:${published}`), countryIds, tags, 'query')) {
			for (const event of eventsByKey.get(key) ?? []) {
				found.add(event);
			}
		}

		return [...found];
	};
	const views = new Map<Event, EventView>();
	const view = (event: Event): EventView => {
		let seen = views.get(event);
		if (!seen) {
			seen = {
				sources: new Set(event.evidence.map((evidence) => evidence.source)),
				range: dateRange(event.date),
				actors: new Set(event.actors),
				represented: new Set(event.actors.map((id) => countryOf.get(id)).filter((code): code is string => code !== undefined && code !== null)),
				words: eventWords.get(event.id) ?? new Set(),
			};
			views.set(event, seen);
		}

		return seen;
	};
	const eventIdsByFinding = new Map<string, string>();
	for (const each of work) {
		type Prepared = {position: number; finding: ArticleEvent; actors: string[]; location: string | null; evidence: Evidence};
		const pending: Prepared[] = [];
		for (const [position, finding] of each.result.events.entries()) {
			const actors = unique(finding.actors.map((key) => actorId(each, key)).filter((id): id is string => id !== undefined));
			const locationId = finding.location ? actorId(each, finding.location) : undefined;
			const locationActor = locationId ? actorById.get(locationId) : undefined;
			const location = locationActor ? (locationActor.kind === 'place' ? locationActor.id : locationActor.name) : null;
			const evidence: Evidence = {source: each.source.id, exact: finding.evidence.exact, start: finding.evidence.start, end: finding.evidence.end};

			// The same report already recorded (a re-run without state, or hand-made data).
			const same = (eventsBySource.get(each.source.id) ?? []).find((event) => earlierEvents.has(event.id) && event.evidence.some((item) => item.source === each.source.id && item.start < evidence.end && item.end > evidence.start)
				&& (strip(event.date) === strip(finding.date) || event.tags.some((tag) => finding.tags.includes(tag))));
			if (same) {
				eventIdsByFinding.set(`${each.source.id}#${position}`, same.id);
				if (ownedEvents.has(same.id)) {
					const before = JSON.stringify(same);
					joinEvent(same, finding, actors, location, evidence, publishedOf);
					views.delete(same);
					indexEvent(same);
					if (JSON.stringify(same) !== before) {
						touched.add(`event:${same.id}`);
						each.report.merged.events++;
					}
				} else {
					each.report.skipped++;
				}

				continue;
			}

			pending.push({position, finding, actors, location, evidence});
		}

		// Each event takes one report per source: the best-matching pairs are joined first.
		const pairs: Array<{item: Prepared; event: Event; score: number}> = [];
		for (const item of pending) {
			for (const candidate of matches(candidatesOf(item.actors, item.location, item.finding.date, item.finding.tags, publishedOf.get(each.source.id) ?? null), item.finding, item.actors, item.location, each.source.id, view, publishedOf.get(each.source.id) ?? null, countryIds, personIds, countryOf)) {
				pairs.push({item, ...candidate});
			}
		}

		pairs.sort((a, b) => b.score - a.score || a.item.position - b.item.position || (a.event.id < b.event.id ? -1 : 1));
		const matched = new Map<number, Event>();
		const taken = new Set<string>();
		for (const pair of pairs) {
			if (matched.has(pair.item.position) || taken.has(pair.event.id)) {
				continue;
			}

			matched.set(pair.item.position, pair.event);
			taken.add(pair.event.id);
		}

		for (const item of pending) {
			const match = matched.get(item.position);
			if (match && ownedEvents.has(match.id)) {
				joinEvent(match, item.finding, item.actors, item.location, item.evidence, publishedOf);
				indexEvent(match);
				eventWords.set(match.id, new Set([...eventWords.get(match.id) ?? [], ...item.finding.words]));
				views.delete(match);
				eventIdsByFinding.set(`${each.source.id}#${item.position}`, match.id);
				touched.add(`event:${match.id}`);
				each.report.merged.events++;
				continue;
			}

			const event = newEvent(item.finding, item.actors, item.location, item.evidence, actorById, eventIds);
			if (match) {
				each.report.beside++;
				each.report.notes.push(`event ${match.id} was edited or reviewed by a person: this source's report of it is added beside it as ${event.id}`);
			} else {
				each.report.added.events++;
			}

			event.summary = summaryOf(event, sourceById);
			dataset.events.push(event);
			indexEvent(event);
			ownedEvents.add(event.id);
			eventWords.set(event.id, new Set(item.finding.words));
			eventIdsByFinding.set(`${each.source.id}#${item.position}`, event.id);
			touched.add(`event:${event.id}`);
		}
	}

	for (const event of dataset.events) {
		if (ownedEvents.has(event.id) && touched.has(`event:${event.id}`)) {
			event.summary = summaryOf(event, sourceById);
			event.status = statusOf(event, publishedOf);
		}
	}

	// 4. Quotes.
	const quotesBySource = new Map<string, Quote[]>();
	for (const quote of dataset.quotes) {
		quotesBySource.set(quote.evidence.source, [...quotesBySource.get(quote.evidence.source) ?? [], quote]);
	}

	for (const each of work) {
		for (const finding of each.result.quotes) {
			const speaker = actorId(each, finding.speaker);
			if (!speaker) {
				continue;
			}

			const evidence: Evidence = {source: each.source.id, exact: finding.evidence.exact, start: finding.evidence.start, end: finding.evidence.end};
			const text = normalizeForMatch(finding.text);
			const same = (quotesBySource.get(each.source.id) ?? []).find((quote) => earlierQuotes.has(quote.id) && quote.evidence.source === each.source.id && quote.evidence.start < evidence.end && quote.evidence.end > evidence.start
				&& (normalizeForMatch(quote.text).includes(text) || text.includes(normalizeForMatch(quote.text))));
			const eventId = finding.event === null ? null : eventIdsByFinding.get(`${each.source.id}#${finding.event}`) ?? null;
			if (same) {
				if (ownedQuotes.has(same.id)) {
					const before = JSON.stringify(same);
					same.speaker = speaker;
					same.date = finding.date;
					same.channel = finding.channel;
					same.event = eventId;
					same.partial = finding.partial;
					if (JSON.stringify(same) !== before) {
						touched.add(`quote:${same.id}`);
						each.report.merged.quotes++;
					}
				} else {
					each.report.skipped++;
				}

				continue;
			}

			const speakerActor = actorById.get(speaker)!;
			const speakerSlug = readableSlug(speakerActor.kind === 'person' ? (speakerActor.name.split(' ').at(-1) ?? speakerActor.name) : speakerActor.name, 3);
			const words = readableSlug(finding.text.replace(/^\(\w\)/, ''), 12).split('-').filter((word) => word.length > 2 && !quoteStopwords.has(word)).slice(0, 4).join('-');
			const id = uniqueId([speakerSlug, strip(finding.date)?.replace(/[^0-9-]/g, '') ?? '', words].filter(Boolean).join('-'), quoteIds, 'quote');
			const quote: Quote = {
				id,
				text: finding.text,
				speaker,
				date: finding.date,
				channel: finding.channel,
				event: eventId,
				partial: finding.partial,
				evidence,
			};
			dataset.quotes.push(quote);
			ownedQuotes.add(id);
			touched.add(`quote:${id}`);
			each.report.added.quotes++;
		}
	}

	// 5. The state: a hash of every record ingest owns, as it now stands.
	for (const [kind, list, owned] of [['source', dataset.sources, ownedSources], ['actor', dataset.actors, new Set(slots.filter((slot) => slot.owned).map((slot) => slot.actor.id))], ['event', dataset.events, ownedEvents], ['quote', dataset.quotes, ownedQuotes]] as const) {
		for (const record of list as ReadonlyArray<{id: string}>) {
			if (owned.has(record.id)) {
				state.records[`${kind}:${record.id}`] = recordHash(record);
			}
		}
	}

	state.suggestions = dedupeSuggestions(state.suggestions);
	return {dataset, state, report: {files: reports, changed}};
}

const quoteStopwords = new Set(['the', 'and', 'that', 'this', 'for', 'with', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'not', 'but', 'our', 'all', 'its', 'his', 'her', 'their', 'they', 'from', 'which', 'who', 'been', 'you', 'can']);

function unique<T>(items: readonly T[]): T[] {
	return [...new Set(items)];
}

function suggest(state: IngestState, record: string, source: string, field: string, value: string): void {
	state.suggestions.push({record, source, field, value});
}

function dedupeSuggestions(suggestions: readonly Suggestion[]): Suggestion[] {
	const seen = new Set<string>();
	return suggestions.filter((suggestion) => {
		const key = JSON.stringify(suggestion);
		if (seen.has(key)) {
			return false;
		}

		seen.add(key);
		return true;
	});
}

function roleScore(role: string, country: string | null): number {
	return (country ? 2 : 0) + (/\bof\b|['’]s\b/.test(role) ? 1 : 0) + Math.min(role.length, 80) / 100;
}

/** The keys an actor is found by: its kind with each spelling's key; people also by surname. */
function actorKeys(actor: Actor, lexicon: Lexicon): string[] {
	const keys: string[] = [];
	for (const spelling of [actor.name, ...actor.aliases]) {
		if (actor.kind === 'person') {
			if (spelling.startsWith('@')) {
				keys.push(`handle:${spelling.toLowerCase()}`);
			} else if (/\s/.test(spelling.trim()) && !/^the\s/i.test(spelling)) {
				keys.push(`person:${personKey(spelling, lexicon)}`);
				keys.push(`surname:${surnameKey(spelling, lexicon)}`);
			} else if (!/^the\s/i.test(spelling)) {
				keys.push(`single:${nameKey(spelling)}`);
			}
		} else if (actor.kind === 'country' && actor.country && spelling === actor.name) {
			keys.push(`country:${actor.country}`);
			keys.push(`${actor.kind}:${placeKey(spelling, lexicon)}`);
		} else {
			keys.push(`${actor.kind}:${placeKey(spelling.replace(/\s(?:presidential|royal|national|central|main|old|new|grand|great)\s(?=\p{Ll}+$)/u, ' '), lexicon)}`);
		}
	}

	return unique(keys);
}

function matchActor(finding: ActorFinding, byKey: ReadonlyMap<string, ActorSlot[]>, slots: readonly ActorSlot[], lexicon: Lexicon): ActorSlot | undefined {
	const ofKind = (list: readonly ActorSlot[] | undefined): ActorSlot[] => (list ?? []).filter((slot) => slot.actor.kind === finding.kind);
	if (finding.kind === 'person') {
		const spellings = [finding.name, ...finding.aliases];
		for (const spelling of spellings) {
			if (spelling.startsWith('@')) {
				const found = ofKind(byKey.get(`handle:${spelling.toLowerCase()}`));
				if (found.length === 1) {
					return found[0];
				}
			}
		}

		for (const spelling of spellings.filter((each) => /\s/.test(each.trim()))) {
			const found = ofKind(byKey.get(`person:${personKey(spelling, lexicon)}`));
			if (found.length > 0) {
				return found[0];
			}
		}

		// A surname alone ("Putin") is the one person with that surname.
		const singles = spellings.filter((each) => !/\s/.test(each.trim()) && !each.startsWith('@'));
		for (const spelling of singles) {
			const bySurname = ofKind(byKey.get(`surname:${nameKey(spelling)}`));
			if (bySurname.length === 1) {
				return bySurname[0];
			}

			const bySingle = ofKind(byKey.get(`single:${nameKey(spelling)}`));
			if (bySingle.length === 1 && !/\s/.test(finding.name.trim())) {
				return bySingle[0];
			}
		}

		// A full name whose surname matches a person known only by it so far.
		if (/\s/.test(finding.name.trim())) {
			const surname = surnameKey(finding.name, lexicon);
			const found = ofKind(byKey.get(`single:${surname}`)).filter((slot) => !slot.actor.name.includes(' '));
			if (found.length === 1) {
				return found[0];
			}
		}

		return undefined;
	}

	if (finding.kind === 'country' && finding.country) {
		const found = ofKind(byKey.get(`country:${finding.country}`));
		if (found.length > 0) {
			return found[0];
		}
	}

	for (const spelling of [finding.name, ...finding.aliases]) {
		const found = ofKind(byKey.get(`${finding.kind}:${placeKey(spelling.replace(/\s(?:presidential|royal|national|central|main|old|new|grand|great)\s(?=\p{Ll}+$)/u, ' '), lexicon)}`));
		if (found.length > 0) {
			return found[0];
		}
	}

	void slots;
	return undefined;
}

function addAlias(actor: Actor, spelling: string): void {
	const trimmed = spelling.trim();
	if (trimmed === '' || trimmed === actor.name || actor.aliases.includes(trimmed) || /^\p{Ll}/u.test(trimmed) && !/^the\s/.test(trimmed)) {
		return;
	}

	actor.aliases.push(trimmed);
}

/** The most used spelling: for people a full Latin name, for places the capitalized form. */
function displayName(kind: string, counts: ReadonlyMap<string, number>): string {
	const entries = [...counts.entries()].filter(([spelling]) => !spelling.startsWith('@') && !/['’]s\b/.test(spelling) && !/^the\s/i.test(spelling));
	const latin = entries.filter(([spelling]) => isLatin(spelling));
	let pool = latin.length > 0 ? latin : entries;
	if (kind === 'person') {
		const full = pool.filter(([spelling]) => /\s/.test(spelling));
		pool = full.length > 0 ? full : pool;
	}

	const capitalized = pool.filter(([spelling]) => spelling.split(/\s+/).every((word) => /^[\p{Lu}\d]/u.test(word) || /^(?:of|the|and|for|de|la|le|du|von|van|der|bin|al)$/.test(word)));
	pool = capitalized.length > 0 ? capitalized : pool;
	pool.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
	return pool[0]?.[0] ?? [...counts.keys()][0]!;
}

function wordsOf(event: Event): string[] {
	return [...new Set(event.evidence.flatMap((evidence) => contentWords(evidence.exact)))];
}

/** The months a date can fall in, as `YYYY-MM`; at most twelve. */
function monthsOf(date: string): string[] {
	const range = dateRange(date);
	if (range === null) {
		return [];
	}

	const months: string[] = [];
	const first = new Date(range[0] * 86_400_000);
	for (let year = first.getUTCFullYear(), month = first.getUTCMonth(); months.length < 13; month++) {
		if (month === 12) {
			month = 0;
			year++;
		}

		const start = Date.UTC(year, month, 1) / 86_400_000;
		if (start > range[1]) {
			break;
		}

		months.push(`${year}-${String(month + 1).padStart(2, '0')}`);
	}

	return months;
}

/**
 * Index keys of events, and the keys a finding looks up: what a match must share (a person,
 * organization or place) crossed with the month it happened in, or with the kind of happening for
 * kinds that happen once (an undated report can only join those), and the day of a gathering of
 * several countries. An undated report also looks in the month of its publication and the month
 * before, for the happenings of those days.
 */
function eventKeys(actors: readonly string[], location: string | null, date: string | null, countryIds: ReadonlySet<string>, tags: readonly string[], mode: 'index' | 'query'): string[] {
	const who = actors.filter((actor) => !countryIds.has(actor));
	if (location !== null) {
		who.push(location);
	}

	const keys: string[] = [];
	const around = date?.startsWith('around:') ? date.slice(7) : null;
	const dated = date !== null && around === null;
	const months = date === null ? [] : around === null ? monthsOf(date) : [...new Set([...monthsOf(around), ...monthsOf(previousMonth(around))])];
	for (const actor of who) {
		for (const month of months) {
			keys.push(`${actor}|${month}`);
		}

		for (const tag of tags) {
			if (onceTags.has(tag)) {
				keys.push(`${actor}|once:${tag}`);
			}
		}
	}

	if (dated) {
		keys.push(`day:${date.replace(/[~?]$/, '')}`);
	}

	void mode;
	return [...new Set(keys)];
}

function previousMonth(date: string): string {
	const range = dateRange(date);
	if (range === null) {
		return date;
	}

	const day = new Date((range[0] - 28) * 86_400_000);
	return `${day.getUTCFullYear()}-${String(day.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Kinds of happening that a bare mention identifies: there is one inauguration, one strike on a place. */
const onceTags = new Set(['inauguration', 'invasion', 'strike', 'missile', 'drone', 'election', 'ceremony', 'offensive', 'campaign']);

const genericTags = new Set(['statement', 'support', 'negotiations', 'military aid', 'casualties', 'agreement']);

/**
 * The event of another source that reports the same happening: compatible dates, shared people,
 * organizations or places, and a shared topic or similar words. Undated reports join only a
 * happening of a specific kind (a strike, an inauguration) with a shared actor or place.
 */
/** What the matching looks at in an event, computed once per change of the event. */
type EventView = {
	readonly sources: ReadonlySet<string>;
	readonly range: [number, number] | null;
	readonly actors: ReadonlySet<string>;
	readonly represented: ReadonlySet<string>;
	readonly words: ReadonlySet<string>;
};

function matches(events: readonly Event[], finding: ArticleEvent, actors: readonly string[], location: string | null, source: string, view: (event: Event) => EventView, published: string | null, countryIds: ReadonlySet<string>, personIds: ReadonlySet<string>, countryOf: ReadonlyMap<string, string | null>): Array<{event: Event; score: number}> {
	const range = dateRange(finding.date);
	const findingWords = new Set(finding.words);
	const ours = new Set(actors.map((id) => countryOf.get(id)).filter((code): code is string => code !== undefined && code !== null));
	const publishedRange = published === null ? null : dateRange(published);
	const found: Array<{event: Event; score: number}> = [];
	for (const event of events) {
		const seen = view(event);
		if (seen.sources.has(source)) {
			continue;
		}

		const other = seen.range;
		if (range && other && (range[1] < other[0] || other[1] < range[0])) {
			continue;
		}

		const undated = range === null || other === null;
		const sameDay = range !== null && other !== null && range[0] === other[0] && range[1] === other[1];
		// A gathering of several countries (four or more taking part) on a day, and a report of that day
		// whose people represent four of those countries, are one happening: "representatives of five
		// countries" and "Witkoff and Rubio were to meet Yermak and the British and German advisers".
		if (sameDay && seen.represented.size >= 4 && ours.size >= 4) {
			let sharedCountries = 0;
			for (const code of ours) {
				if (seen.represented.has(code)) {
					sharedCountries++;
				}
			}

			if (sharedCountries >= 4) {
				found.push({event, score: 5 + sharedCountries});
				continue;
			}
		}

		const sharedActors = actors.filter((actor) => seen.actors.has(actor));
		const sharedNonCountry = sharedActors.filter((actor) => !countryIds.has(actor));
		const sharedPlace = (location !== null && (location === event.location || seen.actors.has(location))) || (event.location !== null && actors.includes(event.location));
		if (sharedNonCountry.length === 0 && !sharedPlace) {
			continue;
		}

		// Two places named and different: two happenings ("visited Kyiv" and "will travel to Brussels").
		if (location !== null && event.location !== null && location !== event.location && !seen.actors.has(location) && !actors.includes(event.location)) {
			continue;
		}

		const sharedTags = finding.tags.filter((tag) => event.tags.includes(tag));
		const specificTags = sharedTags.filter((tag) => !genericTags.has(tag));
		let common = 0;
		for (const word of findingWords) {
			if (seen.words.has(word)) {
				common++;
			}
		}

		const similarity = common / Math.max(1, Math.min(findingWords.size, seen.words.size));
		// A report from an article published within days of a dated happening, naming the same person at
		// the same place ("Yermak said he ... were in Paris" of the day's Paris talks), is of that happening.
		const datedRange = range ?? other;
		const recent = undated && range === null && publishedRange !== null && datedRange !== null && datedRange[1] <= publishedRange[1]
			&& datedRange[1] >= publishedRange[0] - 7 && sharedPlace && sharedNonCountry.some((actor) => personIds.has(actor));
		if (!recent && sharedTags.length === 0 && similarity < 0.35) {
			continue;
		}

		if (undated && !recent) {
			// Otherwise a date known on one side only needs a kind of happening that happens once (a
			// strike on a place, an inauguration); and an undated report cannot be of something after
			// its own publication.
			const once = sharedTags.filter((tag) => onceTags.has(tag));
			if (once.length === 0 || (once.every((tag) => tag === 'strike' || tag === 'missile' || tag === 'drone') && !sharedPlace)) {
				continue;
			}

			if (range === null && other && publishedRange !== null && other[0] > publishedRange[1] && finding.status !== 'scheduled') {
				continue;
			}
		}

		const score = sharedNonCountry.length * 2 + (sharedPlace ? 2 : 0) + sharedActors.length * 0.5 + specificTags.length * 2 + sharedTags.length + similarity * 3
			+ (sameDay ? 2 : 0) - (undated ? 1 : 0);
		if (score >= (recent ? 3 : undated ? 4 : 5)) {
			found.push({event, score});
		}
	}

	return found;
}

function joinEvent(event: Event, finding: ArticleEvent, actors: readonly string[], location: string | null, evidence: Evidence, publishedOf: ReadonlyMap<string, string | null>): void {
	if (!event.evidence.some((item) => item.source === evidence.source)) {
		event.evidence.push(evidence);
	}

	for (const actor of actors) {
		if (!event.actors.includes(actor)) {
			event.actors.push(actor);
		}
	}

	for (const tag of finding.tags) {
		if (!event.tags.includes(tag) && event.tags.length < 6) {
			event.tags.push(tag);
		}
	}

	event.location ??= location;
	// A finer date within the known one refines it: "December 2024" and "Dec. 7" are 2024-12-07.
	if (finding.date !== null) {
		const range = dateRange(finding.date);
		const current = dateRange(event.date);
		if (event.date === null || (range && current && range[0] >= current[0] && range[1] <= current[1] && precisionRank(finding.date) > precisionRank(event.date))) {
			event.date = finding.date;
		}
	}

	void publishedOf;
}

/** Status as of the latest source: a date after it is scheduled. */
function statusOf(event: Event, publishedOf: ReadonlyMap<string, string | null>): Event['status'] {
	if (event.status === 'cancelled' || event.status === 'postponed') {
		return event.status;
	}

	const latest = event.evidence.map((evidence) => publishedOf.get(evidence.source) ?? null).filter((date): date is string => date !== null).sort().at(-1);
	const range = dateRange(event.date);
	if (latest && range) {
		const latestRange = dateRange(latest);
		if (latestRange) {
			return range[0] > latestRange[1] ? 'scheduled' : event.status === 'scheduled' && range[1] >= latestRange[0] ? 'scheduled' : 'occurred';
		}
	}

	return event.status;
}

function newEvent(finding: ArticleEvent, actors: readonly string[], location: string | null, evidence: Evidence, byId: ReadonlyMap<string, Actor>, taken: Set<string>): Event {
	const names = actors.slice(0, 2).map((id) => byId.get(id)).filter((actor): actor is Actor => actor !== undefined)
		.map((actor) => (actor.kind === 'person' ? actor.name.split(' ').at(-1)! : actor.name));
	const topic = finding.tags[0] ?? readableSlug(finding.title, 3);
	const base = [strip(finding.date)?.replace(/[^0-9-]/g, '') ?? '', ...names.map((name) => readableSlug(name, 2)), readableSlug(topic, 2)].filter(Boolean).join('-');
	let id = base;
	if (taken.has(id)) {
		const extra = readableSlug(finding.title, 12).split('-').filter((word) => word.length > 3 && !id.includes(word)).slice(0, 2).join('-');
		id = extra ? `${base}-${extra}` : base;
	}

	return {
		id: uniqueId(id, taken, 'event'),
		date: finding.date,
		status: finding.status,
		title: finding.title,
		summary: finding.summary,
		actors: [...actors],
		location,
		tags: [...finding.tags],
		evidence: [evidence],
	};
}

/** The first report's sentence, and who reported it. */
function summaryOf(event: Event, sources: ReadonlyMap<string, Source>): string {
	const first = event.summary.split(/(?<=[.!?])\s+(?=(?:Reported|Source))/)[0]!.trim();
	const reporting = event.evidence.map((evidence) => sources.get(evidence.source)).filter((source): source is Source => source !== undefined);
	if (reporting.length === 1) {
		const source = reporting[0]!;
		const who = source.outlet ?? (source.title ? `"${source.title}"` : source.file ?? source.id);
		return `${first} Source: ${who}${source.published ? `, ${formatDateText(source.published)}` : ''}.`;
	}

	return `${first} Reported by ${reporting.length} sources.`;
}
