/**
 * Stage 6: what happened, when. A sentence is cut into clauses at subordinate links (`after`,
 * `when`, `once`, `since`, `; `, a trailing "X said"); a clause with a date and a happening word or
 * verb is an event, and so is an undated clause with a clear happening word, a past or future verb
 * and a named actor. Each event gets its actors (people, organizations, countries, places, most
 * central first), its place, topic tags, status (`scheduled` when its date is after publication or
 * its verb is future) and the sentence as evidence. Titles and summaries are plain sentences made
 * from the evidence: titles cut to the main clause with people by surname, summaries with
 * relative dates written out.
 */

import type {EventStatus} from '../core/schema.js';
import {formatDateText} from '../core/edtf.js';
import type {ArticleActors, LocalActor, Mention} from './actors.js';
import type {Block} from './clean.js';
import {type DateContext, type DateMention, type DayNumber, findDates, irregularPast, tenseAround} from './dates.js';
import {eventTriggers, speechVerbs} from './lexicon.js';
import type {Sentence} from './sentences.js';

export type EventFinding = {
	date: string | null;
	earliest: DayNumber | null;
	latest: DayNumber | null;
	status: EventStatus;
	tags: string[];
	/** Local actor keys, most central first. */
	actors: string[];
	/** Local key of the place (or country) where it happened. */
	location: string | null;
	evidence: {start: number; end: number};
	title: string;
	/** The summary's first sentence; the merge adds who reported it. */
	summary: string;
	/** Content words of the evidence, for telling whether two reports are of one happening. */
	words: string[];
	/** Index of the sentence unit. */
	unit: number;
	caption: boolean;
};

export type EventInput = {
	readonly text: string;
	readonly blocks: readonly Block[];
	readonly units: readonly (Sentence & {block: number; caption: boolean})[];
	readonly actors: ArticleActors;
	readonly dates: DateContext;
	/** Ranges of quotations: their words are the speaker's, not the article's account of events. */
	readonly quoted: readonly {start: number; end: number}[];
};

type Clause = {start: number; end: number; link: string | null};

type Trigger = {start: number; end: number; tags: readonly string[]; weight: number};

const splitPattern = /;\s+|,?\s+(?=(?:after|when|once|while|before|since|until|as soon as|whereas|although|even though)\s)|,\s+(?=(?:saying|adding|noting|as(?! well as))\s)/g;
const mayLinkClauses = /;|\b(?:after|when|once|while|before|since|until|whereas|although|though|saying|adding|noting|as)\s/;
const attributionTail = /,\s+(?:[^,"“”]{0,60}?\s)?(?:said|says|reported|reports|told|announced|wrote|added|noted|stated|confirmed|according to)\b[^,"“”]*[.!?]?["”]?$/;
const pronounStart = /^(?:They|He|She|It|This|These|The two|The leaders|Both)\b/;
const eventReference = /^(?:This|It|That|The (?:meeting|signing|talks|visit|event|ceremony|summit|vote|call))\s+(?:will|would|is|was|has|had|are|were)?\s*(?:be\s+|been\s+)?(?:happen|happens|happened|take place|takes place|took place|held|scheduled|set|due|planned|expected|slated)\b/;
const stopwords = new Set(('a an the of to in on at for with by from and or but as that this these those it its is are was were be been has have had will would '
	+ 'president minister prime secretary envoy spokesman leader head chief office state foreign affairs special former '
	+ 'he she they his her their them we our i you also said says told after when while since once not no into than then there which who '
	+ 'what about more most such so up out over under between during before until s one two three').split(' '));
/** A subject that stands for the people named before: "The two leaders also discussed ...". */
const pluralSubject = /^\s*(?:they|the two (?:leaders|presidents|men|women|sides|ministers|governments|countries)|the (?:leaders|presidents|sides)|both (?:leaders|men|sides|governments|countries))\b/i;
const speechClause = /\b(?:said|says|say|told|tells|stated|added|noted|stressed|emphasized|insisted|claimed)\b/;
const reportingFrames = /^\s*(?:it (?:is|was) (?:noted|reported|said|known|believed) that|according to [^,]+,|as a reminder,|in particular,|also,|meanwhile,|however,|at the same time,|reportedly,?|after that,|since then,|in addition,|moreover,|but|and|in (?:their|his|her|its)(?=\s+\p{Ll}))\s*/iu;

function clausesOf(sentence: string): Clause[] {
	const clauses: Clause[] = [];
	const tail = attributionTail.exec(sentence);
	const bodyEnd = tail && tail.index > 20 ? tail.index : sentence.length;
	let start = 0;
	let link: string | null = null;
	if (!mayLinkClauses.test(sentence)) {
		return [{start: 0, end: bodyEnd, link: null}, ...(bodyEnd < sentence.length ? [{start: bodyEnd, end: sentence.length, link: 'attribution'}] : [])];
	}

	splitPattern.lastIndex = 0;
	for (let match = splitPattern.exec(sentence); match; match = splitPattern.exec(sentence)) {
		if (match.index >= bodyEnd) {
			break;
		}

		const next = /^\s*(\w+(?: \w+)?)/.exec(sentence.slice(match.index + match[0].length))?.[1]?.toLowerCase() ?? null;
		// "since February 2024", "after April 11": a date, not a clause.
		if (next && /^(?:since|after|before|until) (?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the (?:start|end|beginning)|then|that|last|early|late|mid)/i.test(sentence.slice(match.index + match[0].length, match.index + match[0].length + 24).trim())) {
			continue;
		}

		if (match.index > start) {
			clauses.push({start, end: match.index, link});
		}

		start = match.index + match[0].length;
		link = next?.split(' ')[0] ?? null;
	}

	clauses.push({start, end: bodyEnd, link});
	if (bodyEnd < sentence.length) {
		clauses.push({start: bodyEnd, end: sentence.length, link: 'attribution'});
	}

	return clauses.filter((clause) => clause.end > clause.start);
}

const globalTriggers = eventTriggers.map((trigger) => ({...trigger, pattern: new RegExp(trigger.pattern.source, `${trigger.pattern.flags.replace('g', '')}g`)}));

function triggersIn(text: string, offset: number): Trigger[] {
	const found: Trigger[] = [];
	for (const trigger of globalTriggers) {
		const pattern = trigger.pattern;
		pattern.lastIndex = 0;
		for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
			found.push({start: offset + match.index, end: offset + match.index + match[0].length, tags: trigger.tags, weight: trigger.weight});
		}
	}

	return found.sort((a, b) => a.start - b.start);
}

/** A finite verb that reports a happening: past, perfect, progressive or future. */
function hasEventVerb(clause: string): boolean {
	const words = clause.toLowerCase().match(/[a-z'’-]+/g) ?? [];
	return /\bcalled\s+\p{Lu}/u.test(clause) || words.some((word, index) => irregularPast.has(word) && word !== 'said' && word !== 'told' && word !== 'was' && word !== 'were' && word !== 'had'
		|| (word.length > 4 && word.endsWith('ed') && !speechVerbs.has(word) && !/^(?:need|based|united|occupied|related|limited|armed|so-called|alleged|interested|concerned)$/.test(word))
		|| ((word === 'will' || word === 'to') && /^(?:meet|visit|sign|hold|attend|travel|discuss)$/.test(words[index + 1] ?? ''))
		|| ((word === 'are' || word === 'is') && /ing$/.test(words[index + 1] ?? '')));
}

/** Offset of the first finite verb of a clause (past, perfect, progressive, modal), or its length. */
function firstVerb(clause: string): number {
	for (const match of clause.matchAll(/[A-Za-z'’-]+/g)) {
		const word = match[0].toLowerCase();
		if (irregularPast.has(word) || /^(?:is|are|am|has|have|will|would|can|could|should|must|may|might|plans|wants|takes|holds|meets|visits|says)$/.test(word)
			|| (word.length > 4 && word.endsWith('ed') && !/^(?:need|based|united|occupied|related|limited|armed|so-called|alleged|interested|concerned|renewed|unconditional)$/.test(word))) {
			return match.index;
		}
	}

	return clause.length;
}

/** The tense of a clause: that of its first verb form. */
function clauseTense(clause: string): 'past' | 'present' | 'future' | 'unknown' {
	const at = firstVerb(clause);
	if (at >= clause.length) {
		return tenseAround(clause, clause.length, clause.length);
	}

	const rest = clause.slice(at);
	if (/^(?:will|would|shall|plans|wants)\b/i.test(rest) || /^(?:is|are)\s+(?:set|due|expected|scheduled|going|to)\b/i.test(rest)) {
		return 'future';
	}

	return /^(?:is|are|am|has|have|takes|holds|meets|visits|says|can|may|must|should|might)\b/i.test(rest) ? 'present' : 'past';
}

export type EventResult = {events: EventFinding[]};

/** The events an article reports. */
export function findEvents(input: EventInput, describe: (actor: string) => LocalActor | undefined): EventResult {
	const {text, units, actors, dates} = input;
	const quotedOf = quotedLookup(input);
	const events: EventFinding[] = [];
	const published = dates.published;
	const bodyUnits = units.map((unit, index) => ({unit, index})).filter(({unit}) => !unit.caption);
	const ledeBlocks = new Set([...new Set(bodyUnits.map(({unit}) => unit.block))].slice(0, 2));
	let previousEvent: {event: EventFinding; unit: number; block: number} | undefined;

	for (const [unitIndex, unit] of units.entries()) {
		// Quoted words are masked with spaces so that offsets stay.
		let sentence = unit.text;
		const quoted = quotedOf(unit.start, unit.end);
		for (const range of quoted) {
			if (range.end > unit.start && range.start < unit.end) {
				const from = Math.max(range.start, unit.start) - unit.start;
				const to = Math.min(range.end, unit.end) - unit.start;
				sentence = sentence.slice(0, from) + ' '.repeat(to - from) + sentence.slice(to);
			}
		}

		if (sentence.trim().length < 12) {
			continue;
		}

		const unitMentions = (actors.byUnit.get(unitIndex) ?? []).filter((mention) => !mention.qualifier && !quoted.some((range) => mention.start >= range.start && mention.end <= range.end));
		// Dates of the whole sentence, found once, without those inside quotations.
		const dateMentions = datesOfUnit(input, unit.text).filter((mention) => !quoted.some((range) => range.start < unit.start + mention.end && range.end > unit.start + mention.start));

		// "This will happen next Thursday, April 24.": the date of the happening just reported.
		if (eventReference.test(sentence.trim()) && previousEvent && previousEvent.block === unit.block && unitIndex - previousEvent.unit === 1) {
			const date = dateMentions.find((mention) => mention.edtf !== null);
			if (date) {
				applyDate(previousEvent.event, date, published);
				previousEvent.event.evidence.end = unit.end;
				continue;
			}
		}

		// A sentence that goes on about the happening just reported ("They discussed further military
		// support.") adds to it rather than making another.
		if (pronounStart.test(sentence.trim()) && previousEvent && previousEvent.block === unit.block && unitIndex - previousEvent.unit === 1 && !dateMentions.some((mention) => mention.edtf !== null)) {
			for (const trigger of triggersIn(sentence, 0)) {
				for (const tag of trigger.tags) {
					if (!previousEvent.event.tags.includes(tag) && previousEvent.event.tags.length < 5 && tag !== 'statement') {
						previousEvent.event.tags.push(tag);
					}
				}
			}

			continue;
		}

		// A caption is one picture: its clauses are one happening.
		const clauses = unit.caption ? [{start: 0, end: sentence.length, link: null}] : clausesOf(sentence);
		const sentenceTriggers = triggersIn(sentence, unit.start);
		const sentenceEvents: EventFinding[] = [];
		let inherited: DateMention | undefined;
		for (const clause of clauses) {
			const clauseText = sentence.slice(clause.start, clause.end);
			const absoluteStart = unit.start + clause.start;
			const absoluteEnd = unit.start + clause.end;
			// In "X said the purpose of the talks was ...", the talks are what was said, not what happened:
			// only a clear happening or a verb ("will sign") counts there.
			const allTriggers = sentenceTriggers.filter((trigger) => trigger.start >= absoluteStart && trigger.end <= absoluteEnd);
			const triggers = speechClause.test(clauseText) && !/\b(?:reported|announced|disclosed)\b/.test(clauseText)
				? allTriggers.filter((trigger) => trigger.weight >= 2 || /\b(?:will|would|to|'ll|’ll)\s+$/.test(text.slice(Math.max(0, trigger.start - 8), trigger.start)))
				: allTriggers;
			const clauseDates = dateMentions.filter((mention) => mention.start >= clause.start && mention.end <= clause.end);
			const clauseMentions = unitMentions.filter((mention) => mention.start >= absoluteStart && mention.end <= absoluteEnd);
			const strongest = Math.max(0, ...triggers.map((trigger) => trigger.weight));
			const speechOnly = triggers.length === 0 && /\b(?:said|says|told|tells|added|noted|stressed)\b/.test(clauseText) && !hasEventVerb(clauseText.replace(/\b(?:said|told)\b/g, ''));
			if (clause.link === 'attribution' && !triggers.some((trigger) => trigger.tags.includes('statement'))) {
				continue;
			}

			let date = clauseDates.find((mention) => mention.edtf !== null);
			const vagueFuture = clauseDates.find((mention) => mention.edtf === null && mention.future);
			if (!date && (clause.link === 'when' || clause.link === 'who') && inherited) {
				date = inherited;
			}

			// "were then to meet": the time of the happening reported just before.
			if (!date && /\bthen\b/.test(clauseText) && previousEvent && unitIndex - previousEvent.unit <= 2 && previousEvent.event.date !== null) {
				const event = finding(clauseText, clause, unit, unitIndex, triggers, clauseMentions, null, published, describe, sentence, text, input);
				if (event && strongest > 0) {
					event.date = previousEvent.event.date;
					event.earliest = previousEvent.event.earliest;
					event.latest = previousEvent.event.latest;
					event.status = previousEvent.event.status;
					sentenceEvents.push(event);
				}

				continue;
			}

			if (date) {
				inherited = date;
				if (speechOnly && !triggers.length) {
					continue;
				}

				if (triggers.length === 0 && (!hasEventVerb(clauseText) || (clauseMentions.length === 0 && !pluralSubject.test(clauseText)))) {
					continue;
				}

				if (unit.caption && !date.absolute) {
					continue;
				}

				const event = finding(clauseText, clause, unit, unitIndex, triggers, clauseMentions, date, published, describe, sentence, text, input);
				if (event) {
					sentenceEvents.push(event);
				}

				continue;
			}

			// Undated: a clear happening with a named actor.
			if (strongest === 0 || speechOnly || (unit.caption && (published === null || strongest < 2))) {
				continue;
			}

			const named = clauseMentions.filter((mention) => mention.kind === 'person' || mention.kind === 'organization' || (mention.kind === 'country' && (mention.via === 'metonym' || !mention.locative)));
			// The happening's subject must be named (or be a pronoun for someone named before it).
			const verbAt = firstVerb(clauseText);
			const subjectNamed = named.some((mention) => mention.start - absoluteStart < verbAt && (mention.kind !== 'country' || mention.via === 'metonym' || mention.via === 'name' || (mention.via === 'demonym' && strongest >= 2)));
			const pronounSubject = /^\s*(?:he|she|they|when he|when she)\b/i.test(clauseText) || /^(?:\s*\w+\s*\w*,)?\s*(?:he|she)\s/i.test(clauseText) || pluralSubject.test(clauseText);
			// Or the happening itself is named: "the referendums held in the regions occupied by Russia",
			// "the ceasefire talks in Saudi Arabia".
			const nominal = triggers.some((trigger) => (trigger.weight >= 2 && trigger.start - absoluteStart < verbAt && /(?:^|\s)(?:the|a|an|these|those|its|their)\s+(?:[\p{L}’'-]+\s+){0,2}$/iu.test(clauseText.slice(Math.max(0, trigger.start - absoluteStart - 40), trigger.start - absoluteStart)))
				|| clauseMentions.some((mention) => (mention.kind === 'place' || mention.kind === 'country') && mention.locative && /^\s+(?:in|at)\s+(?:the\s+)?$/.test(text.slice(trigger.end, mention.start)) && /\b(?:talks|negotiations|summit|conference|meeting|strike|attack|referendum|election)s?$/i.test(text.slice(trigger.start, trigger.end))));
			if ((!subjectNamed && !pronounSubject && !nominal) || (!hasEventVerb(clauseText) && !nominal) || (strongest < 2 && named.length === 0 && !nominal) || clauseMentions.length === 0) {
				continue;
			}

			const event = finding(clauseText, clause, unit, unitIndex, triggers, clauseMentions, null, published, describe, sentence, text, input);
			if (!event) {
				continue;
			}

			if (vagueFuture) {
				event.status = 'scheduled';
			} else if (published !== null && (ledeBlocks.has(unit.block) || unit.caption) && clauseTense(clauseText) === 'past' && !/\b(?:previously|earlier|once|long|formerly|in the past|ago)\b/i.test(clauseText)) {
				// The lede reports the news of the day: undated happenings there are dated about then.
				const iso = new Date(published * 86_400_000).toISOString().slice(0, 10);
				event.date = `${iso}~`;
				event.earliest = published;
				event.latest = published;
			}

			sentenceEvents.push(event);
		}

		// Clauses of one sentence about one happening (same date, shared tag) are one event.
		const merged: EventFinding[] = [];
		for (const event of sentenceEvents.filter((each) => !each.caption || each.date !== null)) {
			const same = merged.find((other) => other.date === event.date && (other.tags.some((tag) => event.tags.includes(tag) && tag !== 'statement') || (other.date !== null && (other.tags.length === 0 || event.tags.length === 0))));
			if (same) {
				absorb(same, event);
			} else {
				merged.push(event);
			}
		}

		for (const event of merged) {
			if (event.caption) {
				// A dated caption repeats a happening of the text; it adds its people to that event.
				const body = events.find((other) => !other.caption && other.date === event.date && other.tags.some((tag) => event.tags.includes(tag))
					&& other.actors.filter((actor) => event.actors.includes(actor) && actor.startsWith('person:')).length >= 2);
				if (body) {
					for (const actor of event.actors) {
						if (!body.actors.includes(actor)) {
							body.actors.push(actor);
						}
					}

					// "Meeting Macron in Paris" reads worse than the caption's "Zelenskyy met Macron in Paris".
					if (/^\p{Lu}\p{Ll}+ing\b/u.test(body.title)) {
						body.title = event.title;
					}

					continue;
				}
			}

			events.push(event);
		}

		if (merged.length > 0 && !unit.caption) {
			previousEvent = {event: merged.at(-1)!, unit: unitIndex, block: unit.block};
		}
	}

	// A dated caption found before the text it repeats: fold the later body event into it the other way.
	for (const caption of events.filter((event) => event.caption)) {
		const body = events.find((other) => !other.caption && other.date === caption.date && other.tags.some((tag) => caption.tags.includes(tag))
			&& other.actors.filter((actor) => caption.actors.includes(actor) && actor.startsWith('person:')).length >= 2);
		if (body) {
			for (const actor of caption.actors) {
				if (!body.actors.includes(actor)) {
					body.actors.push(actor);
				}
			}

			events.splice(events.indexOf(caption), 1);
		}
	}

	return {events};
}

function absorb(target: EventFinding, other: EventFinding): void {
	// The title of the clause that names more people reads better.
	const people = (event: EventFinding): number => event.actors.filter((actor) => actor.startsWith('person:')).length;
	if (people(other) > people(target) && other.title.length > 10) {
		target.title = other.title;
	}

	for (const actor of other.actors) {
		if (!target.actors.includes(actor)) {
			target.actors.push(actor);
		}
	}

	for (const tag of other.tags) {
		if (!target.tags.includes(tag) && target.tags.length < 5) {
			target.tags.push(tag);
		}
	}

	target.location ??= other.location;
}

function applyDate(event: EventFinding, date: DateMention, published: DayNumber | null): void {
	event.date = date.edtf;
	event.earliest = date.earliest;
	event.latest = date.latest;
	event.status = statusOf(date, published, event.tags, date.future);
}

function statusOf(date: DateMention | null, published: DayNumber | null, tags: readonly string[], future: boolean): EventStatus {
	if (tags.includes('cancelled')) {
		return 'cancelled';
	}

	if (tags.includes('postponed')) {
		return 'postponed';
	}

	if (date && published !== null && date.earliest !== null && date.latest !== null) {
		if (date.earliest > published || (future && date.latest >= published)) {
			return 'scheduled';
		}

		return 'occurred';
	}

	return future ? 'scheduled' : 'occurred';
}

const kindRank: Record<string, number> = {person: 0, organization: 1, country: 2, place: 3};

function finding(
	clauseText: string,
	clause: Clause,
	unit: Sentence & {block: number; caption: boolean},
	unitIndex: number,
	triggers: readonly Trigger[],
	mentions: readonly Mention[],
	date: DateMention | null,
	published: DayNumber | null,
	describe: (actor: string) => LocalActor | undefined,
	sentence: string,
	text: string,
	input: EventInput,
): EventFinding | undefined {
	const tags: string[] = [];
	for (const trigger of triggers) {
		for (const tag of trigger.tags) {
			if (!tags.includes(tag) && tag !== 'cancelled' && tag !== 'postponed') {
				tags.push(tag);
			}
		}
	}

	if (triggers.some((trigger) => trigger.tags.includes('cancelled'))) {
		tags.push('cancelled');
	}

	if (triggers.some((trigger) => trigger.tags.includes('postponed'))) {
		tags.push('postponed');
	}

	// "statement" only when nothing more specific is said.
	const finalTags = tags.length > 1 ? tags.filter((tag) => tag !== 'statement' && tag !== 'support') : tags;

	// The subject may be a pronoun: "he organized their personal meeting" is the person named before.
	const pronoun = /^\s*(?:(?:when|after|once|and|but)\s+)?(he|she)\b/i.exec(clauseText) ?? /^\s*[\w\s]{0,40},\s*(he|she)\s/i.exec(clauseText);
	// The subject first, then people, organizations, countries and places in the order named.
	const verbAt = unit.start + clause.start + firstVerb(clauseText);
	const subjectRank = (mention: Mention): number => (mention.start < verbAt && mention.kind !== 'place' && !mention.locative ? 0 : 1);
	const ordered = [...mentions].sort((a, b) => subjectRank(a) - subjectRank(b) || kindRank[a.kind]! - kindRank[b.kind]! || a.start - b.start);
	const keys: string[] = [];
	const gerund = /^\s*(?:after|before|while|since|when)\s+\p{Ll}+ing\b/u.test(clauseText);
	if (pronoun) {
		const target = pronounTarget(input, unitIndex, unit.start + clause.start);
		if (target) {
			keys.push(target.key);
		}
	} else if (gerund) {
		// "after meeting Macron": the subject is the sentence's, named before the clause.
		const subject = (input.actors.byUnit.get(unitIndex) ?? []).find((mention) => mention.kind === 'person' && !mention.qualifier && mention.start < unit.start + clause.start);
		if (subject) {
			keys.push(subject.key);
		}
	} else if (pluralSubject.test(clauseText) && !/\b(?:governments|countries)\b/i.test(clauseText.slice(0, 40))) {
		let found = false;
		for (let index = unitIndex - 1; index >= 0 && index >= unitIndex - 3 && !found; index--) {
			const quoted = quotedLookup(input)(input.units[index]!.start, input.units[index]!.end);
			const people = [...new Set((input.actors.byUnit.get(index) ?? []).filter((mention) => mention.kind === 'person' && !mention.qualifier && !quoted.some((range) => mention.start >= range.start && mention.end <= range.end)).map((mention) => mention.key))];
			if (people.length >= 2) {
				keys.push(...people);
				found = true;
			}
		}

		if (!found && /\btwo\b/i.test(clauseText)) {
			// "The two leaders": the two people the article names most.
			const counts = new Map<string, number>();
			for (const mention of input.actors.mentions) {
				if (mention.kind === 'person') {
					counts.set(mention.key, (counts.get(mention.key) ?? 0) + 1);
				}
			}

			keys.push(...[...counts].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([key]) => key));
		}
	}

	for (const mention of ordered) {
		if (!keys.includes(mention.key)) {
			keys.push(mention.key);
		}
	}

	const placeMention = mentions.find((mention) => mention.kind === 'place' && mention.locative)
		?? mentions.find((mention) => mention.kind === 'place')
		?? mentions.find((mention) => mention.kind === 'country' && mention.locative);
	const future = date?.future ?? clauseTense(clauseText) === 'future';
	const status = statusOf(date, published, finalTags, future);
	const plural = !pronoun && pluralSubject.test(clauseText) && !/\b(?:governments|countries)\b/i.test(clauseText.slice(0, 40)) ? keys.filter((key) => key.startsWith('person:')).slice(0, 3) : [];
	const title = makeTitle(unit.text.slice(clause.start, clause.end), clause, unit, mentions, describe, date, pronoun ? keys[0] : undefined, plural);
	if (title.split(' ').length < 2) {
		return undefined;
	}

	return {
		date: date?.edtf ?? null,
		earliest: date?.earliest ?? null,
		latest: date?.latest ?? null,
		status,
		tags: finalTags.slice(0, 5),
		actors: keys,
		location: placeMention?.key ?? null,
		evidence: {start: unit.start, end: unit.end},
		title,
		summary: makeSummary(unit.text, unit.start, datesOfUnit(input, unit.text), mentions, describe),
		words: contentWords(sentence),
		unit: unitIndex,
		caption: unit.caption,
	};
	void text;
}

const quotedLookups = new WeakMap<EventInput, (start: number, end: number) => ReadonlyArray<{start: number; end: number}>>();

/** The quoted ranges that overlap [start, end), found by binary search in the sorted list. */
function quotedLookup(input: EventInput): (start: number, end: number) => ReadonlyArray<{start: number; end: number}> {
	let lookup = quotedLookups.get(input);
	if (!lookup) {
		const sorted = [...input.quoted].sort((a, b) => a.start - b.start);
		const ends: number[] = [];
		let furthest = -1;
		for (const range of sorted) {
			furthest = Math.max(furthest, range.end);
			ends.push(furthest);
		}

		lookup = (start: number, end: number) => {
			// The first range whose running end reaches past start; then every range starting before end.
			let low = 0;
			let high = ends.length;
			while (low < high) {
				const middle = (low + high) >> 1;
				if (ends[middle]! <= start) {
					low = middle + 1;
				} else {
					high = middle;
				}
			}

			const found: Array<{start: number; end: number}> = [];
			for (let index = low; index < sorted.length && sorted[index]!.start < end; index++) {
				if (sorted[index]!.end > start) {
					found.push(sorted[index]!);
				}
			}

			return found;
		};

		quotedLookups.set(input, lookup);
	}

	return lookup;
}

const unitDates = new WeakMap<EventInput, Map<string, DateMention[]>>();

/** The dates of a sentence's unmasked text, found once. */
function datesOfUnit(input: EventInput, text: string): DateMention[] {
	let cache = unitDates.get(input);
	if (!cache) {
		cache = new Map();
		unitDates.set(input, cache);
	}

	let found = cache.get(text);
	if (!found) {
		found = findDates(text, input.dates);
		cache.set(text, found);
	}

	return found;
}

function pronounTarget(input: EventInput, unitIndex: number, offset: number): Mention | undefined {
	for (let index = unitIndex; index >= 0 && index >= unitIndex - 4; index--) {
		const found = (input.actors.byUnit.get(index) ?? []).filter((mention) => mention.kind === 'person' && !mention.qualifier && mention.start < offset
			&& !quotedLookup(input)(mention.start, mention.end).some((range) => mention.start >= range.start && mention.end <= range.end));
		if (found.length > 0) {
			return found.find((mention) => !mention.possessive) ?? found[0];
		}
	}

	return undefined;
}

/** Lower-case content words, shortened to a stem: names and dates are compared by the other rules. */
export function contentWords(text: string): string[] {
	const words = new Set<string>();
	for (const word of text.normalize('NFKD').replace(/\p{M}/gu, '').match(/[A-Za-z]+/g) ?? []) {
		if (word.length > 2 && /^[a-z]/.test(word) && !stopwords.has(word)) {
			words.add(word.replace(/(?:ing|ed|es|s)$/, '').slice(0, 7));
		}
	}

	return [...words];
}

function shortName(actor: LocalActor | undefined, fallback: string): string {
	if (!actor) {
		return fallback;
	}

	if (actor.kind === 'person') {
		return actor.name.split(' ').at(-1) ?? actor.name;
	}

	return actor.name;
}

/** The clause, cut to its main part, with people by surname and dates left out. */
function makeTitle(clauseText: string, clause: Clause, unit: Sentence, mentions: readonly Mention[], describe: (actor: string) => LocalActor | undefined, date: DateMention | null, pronounKey: string | undefined, plural: readonly string[] = []): string {
	const base = unit.start + clause.start;
	const pieces: Array<{start: number; end: number; replacement: string}> = [];
	for (const mention of mentions) {
		const actor = describe(mention.key);
		if (mention.kind === 'person' || mention.via === 'role' || mention.via === 'office') {
			pieces.push({start: mention.start - base, end: mention.end - base, replacement: shortName(actor, mention.text)});
		}
	}

	// Appositions say who someone is, not what happened: "Keith Kellogg, Trump's envoy, arrived".
	for (const mention of mentions) {
		if (mention.kind !== 'person') {
			continue;
		}

		const at = mention.end - base;
		const rest = clauseText.slice(at);
		const apposition = /^,\s([^,]{3,90}),/.exec(rest);
		if (apposition && firstVerb(apposition[1]!) === apposition[1]!.length) {
			const from = at;
			const to = at + apposition[0].length;
			for (let index = pieces.length - 1; index >= 0; index--) {
				if (pieces[index]!.start >= from && pieces[index]!.end <= to) {
					pieces.splice(index, 1);
				}
			}

			pieces.push({start: from, end: to, replacement: ' '});
		}
	}

	if (date) {
		// The date and the words that lead to it: "late on", "in the", "since".
		let from = date.start - clause.start;
		const lead = /(?:\b(?:late|early)\s+)?(?:\b(?:on|in|at|by|since|from|during|of|until)\s+)?(?:the\s+)?$/i.exec(clauseText.slice(0, from));
		from -= lead?.[0].length ?? 0;
		pieces.push({start: from, end: date.end - clause.start, replacement: ''});
	}

	pieces.sort((a, b) => b.start - a.start || b.end - a.end);
	let title = clauseText;
	let applied = Number.POSITIVE_INFINITY;
	for (const piece of pieces) {
		if (piece.start >= 0 && piece.end <= title.length && piece.end <= applied) {
			title = title.slice(0, piece.start) + piece.replacement + title.slice(piece.end);
			applied = piece.start;
		}
	}

	if (pronounKey) {
		const actor = describe(pronounKey);
		title = title.replace(/^(\s*(?:(?:when|after|once|and|but)\s+)?)(he|she)\b/i, (_match, lead: string) => `${lead}${shortName(actor, 'he')}`)
			.replace(/^(\s*[\w\s]{0,40},\s*)(he|she)\b/i, (_match, lead: string) => `${lead}${shortName(actor, 'he')}`);
	}

	if (plural.length >= 2) {
		const names = plural.map((key) => shortName(describe(key), ''));
		const joined = `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
		title = title.replace(pluralSubject, ` ${joined}`);
	}

	title = title
		.replace(/\s+/g, ' ')
		.replace(/^(\s*[\p{Lu}][\p{L}'’-]*(?:\s[\p{Lu}][\p{L}'’-]*)?),\s(?:who|which)\s[^,]{3,80},/u, '$1')
		// "Zelenskyy, who spoke to a panel" is a title once the relative pronoun goes.
		.replace(/^(\s*[\p{Lu}][\p{L}'’-]*(?:\s[\p{Lu}][\p{L}'’-]*)?),\s(?:who)\s([^,]{3,100})$/u, '$1 $2')
		.replace(/\(\s*(?:\d?[LRC]|left|right)\s*\)/g, '')
		.replace(reportingFrames, '')
		.replace(/^\s*(?:when|after|once|while|before|since|until|as soon as|whereas|although|even though|who|which|where|saying|adding|noting|as|and|but)\s+/i, '')
		.replace(reportingFrames, '')
		.replace(/\b(?:late|early)?\s*(?:on|in|during|of|since|from|by)\s*(?=[,.]|\s*$)/gi, '')
		.replace(/\b(?:on|in|since|from|by)\s+(?:the\s+)?(?=,)/gi, '')
		.replace(/^[\s,;:–—-]+/, '')
		.replace(/\s+([,.;:])/g, '$1')
		.replace(/\b(?:also|reportedly|previously|himself|herself|then)\s+/gi, '')
		.replace(/,\s*,/g, ',')
		.trim();
	// The main clause: up to the first comma that leaves enough words, at most 14 words.
	const comma = title.search(/,\s/);
	if (comma > 0 && title.slice(0, comma).split(' ').length >= 4) {
		title = title.slice(0, comma);
	}

	const words = title.split(' ');
	if (words.length > 14) {
		title = words.slice(0, 14).join(' ');
		title = title.replace(/\s+(?:the|a|an|of|to|in|on|and|with|for|by|at|from|that|as)$/i, '');
	}

	title = title.replace(/[\s,;:.!?"“”'’–—-]+$/, '').replace(/^["“'‘]+/, '').trim();
	return title.charAt(0).toUpperCase() + title.slice(1);
}

/** The evidence sentence in plain words: names as the dataset gives them, dates written out. */
function makeSummary(sentenceText: string, sentenceStart: number, dateMentions: readonly DateMention[], mentions: readonly Mention[], describe: (actor: string) => LocalActor | undefined): string {
	const pieces: Array<{start: number; end: number; replacement: string}> = [];
	for (const date of dateMentions) {
		if (date.edtf && !date.absolute) {
			const preposition = /^(?:on|in|since|from|by|until)\s/i.exec(date.text)?.[0] ?? '';
			pieces.push({start: date.start, end: date.end, replacement: `${preposition}${formatDateText(date.edtf.replace(/[~?]$/, ''))}`});
		}
	}

	for (const mention of mentions) {
		if (mention.via === 'role' || mention.via === 'office') {
			const actor = describe(mention.key);
			if (actor) {
				pieces.push({start: mention.start - sentenceStart, end: mention.end - sentenceStart, replacement: actor.kind === 'person' ? actor.name : `the ${actor.name}`});
			}
		}
	}

	pieces.sort((a, b) => b.start - a.start);
	let summary = sentenceText;
	let lastStart = Number.POSITIVE_INFINITY;
	for (const piece of pieces) {
		if (piece.end <= lastStart) {
			summary = summary.slice(0, piece.start) + piece.replacement + summary.slice(piece.end);
			lastStart = piece.start;
		}
	}

	summary = summary.replace(/\s+/g, ' ').replace(/["“”]/g, '"').trim();
	if (!/[.!?]"?$/.test(summary)) {
		summary += '.';
	}

	return summary.charAt(0).toUpperCase() + summary.slice(1);
}
