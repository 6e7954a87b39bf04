/**
 * Compares what ingest made of the seed articles with the hand-made dataset (data/dataset.json):
 * the figures the accuracy test prints and checks. Records are matched by where they stand in the
 * articles (evidence offsets), actors by their spellings, so ids may differ.
 */

import {normalizeForMatch} from '../../source/core/dataset.js';
import type {Actor, Dataset, Evidence} from '../../source/core/schema.js';
import {nameKey} from '../../source/ingest/names.js';

export type Figures = {
	quotes: {total: number; found: number; rightSpeaker: number; missing: string[]; wrongSpeaker: string[]; extra: string[]};
	events: {total: number; found: number; rightDate: number; rightDateExact: number; wrongDate: string[]; missing: string[]; extra: string[]};
	people: {total: number; found: number; missing: string[]};
	aliases: {total: number; merged: number; split: string[]};
	multiSource: {total: number; merged: number; split: string[]};
};

const overlaps = (a: Evidence, b: Evidence): boolean => a.start < b.end && b.start < a.end;

/** A spelling, not a description: "Zelenskyy" is one, "the Ukrainian leader" and "Macron's office" are not. */
export function isSpelling(alias: string): boolean {
	if (/['’]s\b/.test(alias) || /^the (?:President|Prime Minister|Chancellor|Minister|Secretary|King|Queen|Pope)\b/.test(alias)) {
		return false;
	}

	// "the Ukrainian leader", "the military alliance": a description.
	return !(alias.startsWith('the ') && alias.split(/\s+/).slice(1).some((word) => /^\p{Ll}/u.test(word) && !['of', 'the', 'and', 'de'].includes(word)));
}

function spellings(actor: Actor): string[] {
	return [actor.name, ...actor.aliases].filter(isSpelling);
}

/** The ingested actor that stands for a hand-made one: the one sharing most spellings, same kind. */
function counterpart(actor: Actor, ours: readonly Actor[]): Actor | undefined {
	const keys = new Set(spellings(actor).map((spelling) => nameKey(spelling)));
	let best: Actor | undefined;
	let bestCount = 0;
	for (const candidate of ours) {
		if (candidate.kind !== actor.kind) {
			continue;
		}

		const count = spellings(candidate).filter((spelling) => keys.has(nameKey(spelling))).length;
		if (count > bestCount) {
			best = candidate;
			bestCount = count;
		}
	}

	return best;
}

const words = (text: string): string[] => normalizeForMatch(text).toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);

/** The same quote: one text holds the other, or they share most of their words. */
function sameQuote(a: string, b: string): boolean {
	const left = normalizeForMatch(a).replace(/[.,…]+$/, '');
	const right = normalizeForMatch(b).replace(/[.,…]+$/, '');
	if (left.includes(right) || right.includes(left)) {
		return true;
	}

	const leftWords = new Set(words(a));
	const rightWords = words(b);
	const shared = rightWords.filter((word) => leftWords.has(word)).length;
	return shared / Math.max(leftWords.size, rightWords.length) >= 0.7;
}

export function compare(reference: Dataset, ingested: Dataset, texts: ReadonlyMap<string, string>): Figures {
	// Sources by file name.
	const sourceOf = new Map<string, string>();
	for (const source of reference.sources) {
		const ours = ingested.sources.find((candidate) => candidate.file === source.file);
		if (ours) {
			sourceOf.set(source.id, ours.id);
		}
	}

	const ourEvidence = (evidence: Evidence): Evidence => ({...evidence, source: sourceOf.get(evidence.source) ?? '?'});
	const actorOf = new Map<string, Actor | undefined>(reference.actors.map((actor) => [actor.id, counterpart(actor, ingested.actors)]));

	// Quotes.
	const quotes: Figures['quotes'] = {total: reference.quotes.length, found: 0, rightSpeaker: 0, missing: [], wrongSpeaker: [], extra: []};
	for (const quote of reference.quotes) {
		const evidence = ourEvidence(quote.evidence);
		const match = ingested.quotes.find((candidate) => candidate.evidence.source === evidence.source && overlaps(candidate.evidence, evidence) && sameQuote(candidate.text, quote.text));
		if (!match) {
			quotes.missing.push(quote.id);
			continue;
		}

		quotes.found++;
		if (actorOf.get(quote.speaker)?.id === match.speaker) {
			quotes.rightSpeaker++;
		} else {
			quotes.wrongSpeaker.push(`${quote.id}: ${match.speaker}`);
		}
	}

	// Events: found when an ingested event cites the same sentence; the date compared with and without
	// its qualifier (~ approximate, ? uncertain).
	const events: Figures['events'] = {total: reference.events.length, found: 0, rightDate: 0, rightDateExact: 0, wrongDate: [], missing: [], extra: []};
	const bare = (date: string | null): string | null => date?.replace(/[~?]$/, '') ?? null;
	for (const event of reference.events) {
		const candidates = ingested.events.filter((candidate) => event.evidence.some((evidence) => candidate.evidence.some((item) => item.source === ourEvidence(evidence).source && overlaps(item, ourEvidence(evidence)))));
		if (candidates.length === 0) {
			events.missing.push(event.id);
			continue;
		}

		events.found++;
		if (candidates.some((candidate) => bare(candidate.date) === bare(event.date))) {
			events.rightDate++;
		} else {
			events.wrongDate.push(`${event.id} (${event.date}): ${candidates.map((candidate) => candidate.date).join(', ')}`);
		}

		if (candidates.some((candidate) => candidate.date === event.date)) {
			events.rightDateExact++;
		}
	}

	// What ingest found that the hand-made data does not have (not necessarily wrong: see docs/ingest.md).
	const referenceEvidence = (source: string): Evidence[] => [...reference.events.flatMap((event) => event.evidence), ...reference.quotes.map((quote) => quote.evidence)].map(ourEvidence).filter((evidence) => evidence.source === source);
	for (const event of ingested.events) {
		if (!event.evidence.some((evidence) => reference.events.some((each) => each.evidence.some((item) => ourEvidence(item).source === evidence.source && overlaps(ourEvidence(item), evidence))))) {
			events.extra.push(event.title);
		}
	}

	for (const quote of ingested.quotes) {
		if (!reference.quotes.some((each) => ourEvidence(each.evidence).source === quote.evidence.source && overlaps(ourEvidence(each.evidence), quote.evidence) && sameQuote(each.text, quote.text))) {
			quotes.extra.push(quote.text);
		}
	}

	void referenceEvidence;

	// People.
	const people: Figures['people'] = {total: 0, found: 0, missing: []};
	for (const actor of reference.actors.filter((each) => each.kind === 'person')) {
		people.total++;
		if (actorOf.get(actor.id)?.kind === 'person') {
			people.found++;
		} else {
			people.missing.push(actor.name);
		}
	}

	// Alias pairs: every spelling of a hand-made actor that the articles use leads to one actor.
	const corpus = [...texts.values()].join('\n');
	const aliases: Figures['aliases'] = {total: 0, merged: 0, split: []};
	for (const actor of reference.actors) {
		const used = spellings(actor).filter((spelling) => corpus.includes(spelling));
		if (used.length < 2) {
			continue;
		}

		const ownerOf = (spelling: string): string | undefined => ingested.actors.find((candidate) => candidate.kind === actor.kind && spellings(candidate).some((each) => each === spelling || nameKey(each) === nameKey(spelling)))?.id;
		const [first, ...rest] = used;
		for (const spelling of rest) {
			aliases.total++;
			const left = ownerOf(first!);
			if (left !== undefined && left === ownerOf(spelling)) {
				aliases.merged++;
			} else {
				aliases.split.push(`${first} / ${spelling}`);
			}
		}
	}

	// Events reported by several sources: one ingested event cites each of them.
	const multiSource: Figures['multiSource'] = {total: 0, merged: 0, split: []};
	for (const event of reference.events) {
		const sources = new Set(event.evidence.map((evidence) => evidence.source));
		if (sources.size < 2) {
			continue;
		}

		multiSource.total++;
		const merged = ingested.events.some((candidate) => event.evidence.every((evidence) => candidate.evidence.some((item) => item.source === ourEvidence(evidence).source && overlaps(item, ourEvidence(evidence)))));
		if (merged) {
			multiSource.merged++;
		} else {
			multiSource.split.push(event.id);
		}
	}

	return {quotes, events, people, aliases, multiSource};
}

export function percent(part: number, whole: number): string {
	return whole === 0 ? 'n/a' : `${(100 * part / whole).toFixed(1)}%`;
}

export function describeFigures(figures: Figures): string[] {
	const {quotes, events, people, aliases, multiSource} = figures;
	return [
		`quotes found: ${quotes.found}/${quotes.total} (${percent(quotes.found, quotes.total)}); right speaker: ${quotes.rightSpeaker}/${quotes.found} (${percent(quotes.rightSpeaker, quotes.found)})`,
		`events with the right date: ${events.rightDate}/${events.total} (${percent(events.rightDate, events.total)}), with the same qualifier too: ${events.rightDateExact}/${events.total} (${percent(events.rightDateExact, events.total)}); found at all: ${events.found}/${events.total}`,
		`not in the hand-made data: ${quotes.extra.length} quotes, ${events.extra.length} events`,
		`people found: ${people.found}/${people.total}`,
		`alias pairs merged: ${aliases.merged}/${aliases.total}`,
		`events of several sources merged: ${multiSource.merged}/${multiSource.total}`,
		...(quotes.missing.length > 0 ? [`  quotes missed: ${quotes.missing.join(', ')}`] : []),
		...(quotes.wrongSpeaker.length > 0 ? [`  wrong speaker: ${quotes.wrongSpeaker.join('; ')}`] : []),
		...(events.missing.length > 0 ? [`  events missed: ${events.missing.join(', ')}`] : []),
		...(events.wrongDate.length > 0 ? [`  events with another date: ${events.wrongDate.join('; ')}`] : []),
		...(people.missing.length > 0 ? [`  people missed: ${people.missing.join(', ')}`] : []),
		...(events.extra.length > 0 ? [`  events not in the hand-made data: ${events.extra.join('; ')}`] : []),
		...(quotes.extra.length > 0 ? [`  quotes not in the hand-made data: ${quotes.extra.join('; ')}`] : []),
		...(aliases.split.length > 0 ? [`  spellings not merged: ${aliases.split.join('; ')}`] : []),
		...(multiSource.split.length > 0 ? [`  multi-source events not merged: ${multiSource.split.join(', ')}`] : []),
	];
}
