/**
 * The ingest pipeline, composed: `ingestArticle` reads one article into findings (pure: text in,
 * findings out), `mergeIntoDataset` merges the findings of a batch into a dataset. Stages, one per
 * file: clean → sentences → dates → actors → quotes → events → merge. See docs/ingest.md.
 */

import {createHash} from 'node:crypto';
import type {ActorKind, Dataset, EventStatus} from '../core/schema.js';
import {type KnownActor, type LocalActor, findActors, type TextUnit} from './actors.js';
import {cleanArticle} from './clean.js';
import {type DateContext, findDates, floorOf, parseIsoDay} from './dates.js';
import {type EventFinding, findEvents} from './events.js';
import {type AliasLexicon, buildLexicon, emptyLexicon, type Lexicon} from './names.js';
import {findQuotes, lastAtOrBefore} from './quotes.js';
import {type Sentence, splitSentences} from './sentences.js';

export {mergeIntoDataset, emptyState, type IngestState, type MergeReport, type FileReport} from './merge.js';

export type IngestContext = {
	/** Actors already in the dataset: surnames and spellings resolve to them. */
	readonly known: readonly KnownActor[];
	readonly lexicon: Lexicon;
};

export function makeContext(dataset: Dataset | null, aliases?: AliasLexicon): IngestContext {
	return {known: dataset?.actors ?? [], lexicon: aliases ? buildLexicon(aliases) : emptyLexicon};
}

export type ActorFinding = {
	/** Key within the article; events and quotes refer to actors by it. */
	readonly key: string;
	readonly kind: ActorKind;
	readonly name: string;
	/** Other spellings seen in the article. */
	readonly aliases: readonly string[];
	readonly role: string | null;
	readonly country: string | null;
	/** The dataset actor it was recognized as. */
	readonly knownId: string | null;
	readonly mentions: number;
};

export type EvidenceFinding = {readonly start: number; readonly end: number; readonly exact: string};

export type ArticleEvent = {
	readonly date: string | null;
	readonly status: EventStatus;
	readonly title: string;
	readonly summary: string;
	readonly actors: readonly string[];
	readonly location: string | null;
	readonly tags: readonly string[];
	readonly evidence: EvidenceFinding;
	readonly words: readonly string[];
};

export type ArticleQuote = {
	readonly text: string;
	readonly speaker: string;
	readonly date: string | null;
	readonly channel: string | null;
	/** Index into the article's events. */
	readonly event: number | null;
	readonly partial: boolean;
	readonly evidence: EvidenceFinding;
	/** How the speaker was found, for the report and the accuracy figures. */
	readonly resolvedBy: string;
};

export type SourceFinding = {
	readonly title: string | null;
	readonly outlet: string | null;
	readonly author: string | null;
	readonly published: string | null;
	readonly url: string | null;
	readonly file: string;
	readonly lang: string;
};

export type ArticleResult = {
	readonly file: string;
	/** SHA-256 of the text as read (after the byte-order mark). */
	readonly hash: string;
	readonly source: SourceFinding;
	readonly actors: readonly ActorFinding[];
	readonly events: readonly ArticleEvent[];
	readonly quotes: readonly ArticleQuote[];
	/** Things the report should say about this file. */
	readonly notes: readonly string[];
	/** Words for the source's id when it has no title. */
	readonly lede: string;
};

type Unit = Sentence & {block: number; caption: boolean};

/** Reads one article. `text` is the file as decoded from UTF-8; offsets refer to it without a BOM. */
export function ingestArticle(input: string, fileName: string, context: IngestContext): ArticleResult {
	const notes: string[] = [];
	let text = input;
	if (text.startsWith('\uFEFF')) {
		text = text.slice(1);
		notes.push('byte-order mark removed: offsets count from the character after it');
	}

	const hash = createHash('sha256').update(text).digest('hex');
	const cleaned = cleanArticle(text);
	const units: Unit[] = [];
	for (const [index, block] of cleaned.blocks.entries()) {
		if (block.kind === 'paragraph' || block.kind === 'caption') {
			for (const sentence of splitSentences(block.text, block.start)) {
				units.push({...sentence, block: index, caption: block.kind === 'caption'});
			}
		}
	}

	const {metadata} = cleaned;
	const published = metadata.published === null ? null : parseIsoDay(metadata.published) ?? null;
	if (published === null) {
		notes.push('no publication date found: published is null, and dates without a year are marked uncertain');
	}

	const dates: DateContext = {published, floor: published === null ? floorOf(units.map((unit) => unit.text)) : null};
	const textUnits: TextUnit[] = units.map((unit) => ({start: unit.start, end: unit.end, text: unit.text, block: unit.block, caption: unit.caption}));
	const actors = findActors(textUnits, context);
	const actorByKey = new Map(actors.actors.map((actor) => [actor.key, actor]));
	const quoteResult = findQuotes({text, blocks: cleaned.blocks, units, actors});
	const describe = (key: string): LocalActor | undefined => actorByKey.get(key);
	const {events} = findEvents({text, blocks: cleaned.blocks, units, actors, dates, quoted: quoteResult.quotes.map((quote) => ({start: quote.start, end: quote.end}))}, describe);

	const articleEvents: ArticleEvent[] = events.map((event) => ({
		date: event.date,
		status: event.status,
		title: event.title,
		summary: event.summary,
		actors: event.actors,
		location: event.location,
		tags: event.tags,
		evidence: {start: event.evidence.start, end: event.evidence.end, exact: text.slice(event.evidence.start, event.evidence.end)},
		words: event.words,
	}));

	const lede = ledeEvent(events, units, metadata.published);
	const ledeChannel = articleChannel(units);
	const eventIndex = new Map(events.map((event, index) => [event, index]));
	const eventStarts = events.map((event) => event.evidence.start);
	const quotes: ArticleQuote[] = [];
	for (const quote of quoteResult.quotes) {
		// A quote that continues another has its date, event and channel.
		const previous = quote.via === 'continuation' ? quotes.findLast((each) => each.speaker === quote.speaker) : undefined;
		if (previous) {
			quotes.push({...previous, text: quote.text, partial: quote.partial, evidence: {start: quote.evidence.start, end: quote.evidence.end, exact: text.slice(quote.evidence.start, quote.evidence.end)}, resolvedBy: quote.resolvedBy});
			continue;
		}

		const attributionDate = quote.attribution ? findDates(text.slice(quote.attribution.start, quote.attribution.end), dates).find((mention) => mention.edtf !== null) : undefined;
		const sentenceEvent = linkedEvent(events, eventStarts, quote.evidence, text, attributionDate?.edtf ?? null);
		let date = quote.signatureDate ?? attributionDate?.edtf ?? null;
		if (date === null && sentenceEvent && sentenceEvent.via === 'reference' && sentenceEvent.event.date && /^\d{4}-\d{2}-\d{2}$/.test(sentenceEvent.event.date)) {
			date = sentenceEvent.event.date;
		}

		date ??= metadata.published;
		const event = sentenceEvent?.event ?? (date !== null && lede && date === metadata.published ? lede : null);
		quotes.push({
			text: quote.text,
			speaker: quote.speaker,
			date,
			channel: quote.channel ?? (ledeChannel !== null && ledeChannel.before <= quote.evidence.start ? ledeChannel.channel : null),
			event: event ? eventIndex.get(event)! : null,
			partial: quote.partial,
			evidence: {start: quote.evidence.start, end: quote.evidence.end, exact: text.slice(quote.evidence.start, quote.evidence.end)},
			resolvedBy: quote.resolvedBy,
		});
	}

	for (const skipped of quoteResult.skipped) {
		notes.push(`not a quote: ${skipped}`);
	}

	const droppedReasons = new Map<string, number>();
	for (const dropped of cleaned.dropped) {
		const reason = dropped.reason.startsWith('sidebar') ? dropped.reason : dropped.reason;
		droppedReasons.set(reason, (droppedReasons.get(reason) ?? 0) + 1);
	}

	if (droppedReasons.size > 0) {
		notes.push(`left out: ${[...droppedReasons].map(([reason, count]) => (count > 1 ? `${count} × ${reason}` : reason)).join(', ')}`);
	}

	const usedKeys = new Set<string>([...articleEvents.flatMap((event) => [...event.actors, ...(event.location ? [event.location] : [])]), ...quotes.map((quote) => quote.speaker)]);
	const mentionCount = new Map<string, number>();
	for (const mention of actors.mentions) {
		mentionCount.set(mention.key, (mentionCount.get(mention.key) ?? 0) + 1);
	}

	const actorFindings: ActorFinding[] = actors.actors
		.filter((actor) => usedKeys.has(actor.key) || actor.kind === 'person' || actor.known !== null || (mentionCount.get(actor.key) ?? 0) > 0)
		.map((actor) => ({
			key: actor.key,
			kind: actor.kind,
			name: actor.name,
			aliases: [...actor.spellings.keys()].filter((spelling) => spelling !== actor.name),
			role: actor.role,
			country: actor.country,
			knownId: actor.known?.id ?? null,
			mentions: mentionCount.get(actor.key) ?? 0,
		}));

	const firstEvent = [...events].filter((event) => !event.caption).sort((x, y) => x.evidence.start - y.evidence.start)[0];
	const firstParagraph = firstEvent?.title ?? cleaned.blocks.find((block) => block.kind === 'paragraph')?.text ?? '';
	return {
		file: fileName,
		hash,
		source: {
			title: metadata.title,
			outlet: metadata.outlet,
			author: metadata.author,
			published: metadata.published,
			url: metadata.url,
			file: fileName,
			lang: metadata.lang,
		},
		actors: actorFindings,
		events: articleEvents,
		quotes,
		notes,
		lede: firstParagraph.slice(0, 200),
	};
}

/** The event a quote was said at or about: one reported in the same sentence, or one it refers to. */
function linkedEvent(events: readonly EventFinding[], starts: readonly number[], evidence: {start: number; end: number}, text: string, date: string | null): {event: EventFinding; via: 'sentence' | 'reference'} | undefined {
	// Events are in text order: the ones starting before the quote's end, a few back.
	const sameSentence: EventFinding[] = [];
	for (let index = lastAtOrBefore(starts, evidence.end - 1); index >= 0 && sameSentence.length < 8; index--) {
		const event = events[index]!;
		if (event.evidence.end > evidence.start) {
			sameSentence.unshift(event);
		} else if (evidence.start - event.evidence.start > 2000) {
			break;
		}
	}

	const dated = sameSentence.find((event) => date !== null && event.date?.replace(/[~?]$/, '') === date) ?? sameSentence.find((event) => event.date !== null) ?? sameSentence[0];
	if (dated) {
		return {event: dated, via: 'sentence'};
	}

	// "said following the call", "after the meeting": the last such event before the quote.
	const reference = /\b(?:following|after|during|at|on) (?:the|their|a|his|her) (call|conversation|meeting|talks|summit|visit|interview|press conference|phone call)\b/i.exec(text.slice(evidence.start, evidence.end));
	if (reference) {
		const word = reference[1]!.toLowerCase();
		const tag = word === 'conversation' || word === 'phone call' ? 'call' : word === 'talks' ? 'negotiations' : word === 'press conference' ? 'statement' : word;
		let event: EventFinding | undefined;
		for (let index = lastAtOrBefore(starts, evidence.start) ; index >= 0 && event === undefined; index--) {
			if (events[index]!.evidence.end <= evidence.start && events[index]!.tags.includes(tag)) {
				event = events[index];
			}
		}

		if (event) {
			return {event, via: 'reference'};
		}
	}

	return undefined;
}

/** The article's main happening: the first event of its first two paragraphs dated at publication. */
function ledeEvent(events: readonly EventFinding[], units: readonly Unit[], published: string | null): EventFinding | undefined {
	if (published === null) {
		return undefined;
	}

	const blocks = [...new Set(units.filter((unit) => !unit.caption).map((unit) => unit.block))].slice(0, 2);
	return events.find((event) => !event.caption && blocks.includes(units[event.unit]!.block) && event.date?.replace(/[~?]$/, '') === published);
}

/** A channel the lede names ("told a panel of journalists", "in an interview"), for quotes that say none. */
function articleChannel(units: readonly Unit[]): {channel: string; before: number} | null {
	// The first sentences that quote no one: where the article says the words were spoken.
	const ledeUnits: Unit[] = [];
	for (const unit of units) {
		if (!unit.caption && !/["“”«»]/.test(unit.text)) {
			ledeUnits.push(unit);
			if (ledeUnits.length === 4) {
				break;
			}
		}
	}

	const lede = ledeUnits.map((unit) => unit.text).join(' ');
	const before = ledeUnits[0]?.end ?? 0;
	if (/\b(?:interview|panel of (?:\w+ )?journalists|press conference|news conference)\b/i.test(lede)) {
		return {channel: /press conference|news conference/i.test(lede) ? 'press conference' : 'interview', before};
	}

	if (/\bon X\b|\(Twitter\)|\btweet/i.test(lede)) {
		return {channel: 'X', before};
	}

	return null;
}
