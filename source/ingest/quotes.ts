/**
 * Stage 5: who said what. Quotations in curly, straight or guillemet marks; the speaker after the
 * quote ("X said", "said X", "he concluded", British `"...", he said`) or before it ("X said the US
 * is "..."", "According to X", "X told Le Figaro, adding "..."", "Vance telling Zelenskyy, "...""),
 * quotes without marks attributed after a dash ("... - says expert X"), embedded posts with their
 * signature line, a paragraph that continues the previous speaker's quote, pronouns ("he said")
 * resolved to the nearest person named before, and role phrases ("the Ukrainian leader") resolved
 * by the actors stage. Names and terms in quotation marks ("coalition of the willing", "Macronize")
 * are not quotes: a short fragment counts only when someone is said to have said it.
 */

import type {Block} from './clean.js';
import type {ArticleActors, Mention} from './actors.js';
import {channelCues, speechVerbs, weakSpeechVerbs} from './lexicon.js';
import type {Sentence} from './sentences.js';
import {type Token, tokenize} from './tokens.js';

export type QuoteVia = 'after' | 'before' | 'dash' | 'embed' | 'continuation';

export type QuoteFinding = {
	/** The quote as it stands in the text, without its quotation marks. */
	readonly text: string;
	/** Offsets of `text` in the original. */
	readonly start: number;
	readonly end: number;
	/** Key of the speaker among the article's actors. */
	readonly speaker: string;
	/** How the speaker was found: the attribution form, and whether through a pronoun or a role. */
	readonly via: QuoteVia;
	readonly resolvedBy: 'name' | 'pronoun' | 'role' | 'previous';
	/** The sentence or sentences that hold the quote (and its attribution), in the original. */
	readonly evidence: {readonly start: number; readonly end: number};
	readonly partial: boolean;
	readonly channel: string | null;
	/** Offsets of the attribution words, where a date may stand ("said ... in 2023"). */
	readonly attribution: {readonly start: number; readonly end: number} | null;
	/** A date the quote itself carries (the date of an embedded post). */
	readonly signatureDate: string | null;
};

export type QuoteInput = {
	readonly text: string;
	readonly blocks: readonly Block[];
	/** Sentences with the index of their block; the units the actors stage saw, in the same order. */
	readonly units: readonly (Sentence & {block: number})[];
	readonly actors: ArticleActors;
};

export type QuoteResult = {
	readonly quotes: QuoteFinding[];
	/** Quotations left out, with why: for the report. */
	readonly skipped: string[];
};

type Span = {
	/** Offsets of the marks (open at start, close at end - 1) in the original. */
	start: number;
	end: number;
	innerStart: number;
	innerEnd: number;
	block: number;
	closed: boolean;
};

const openToClose: Record<string, string> = {'“': '”', '«': '»', '„': '“', '‚': '‘', '»': '«'};
const termCues = /(?:so-called|dubbed|called|named|nicknamed|known as|the term|the word|a verb|the verb|the phrase|the slogan|labell?ed|branded|titled|entitled|coined|which means|means|meaning|the name|the label|the motto|hashtag)\s*[-–—:,]?\s*$/i;
const participles = new Set(['adding', 'saying', 'telling', 'noting', 'stressing', 'emphasizing', 'emphasising', 'explaining', 'warning', 'arguing', 'insisting', 'asking', 'declaring', 'stating', 'recalling', 'admitting', 'urging', 'writing']);
const pronouns = new Set(['he', 'she']);
const objectMarkers = new Set(['told', 'telling', 'tells', 'to', 'with', 'asked', 'urged', 'thanked', 'for', 'about', 'at', 'on', 'in', 'by']);

/** The quotation spans of one block. */
function quoteSpans(text: string, block: Block, blockIndex: number): Span[] {
	const spans: Span[] = [];
	let open: {at: number; close: string} | null = null;
	for (let index = 0; index < block.text.length; index++) {
		const character = block.text[index]!;
		const before = block.text[index - 1] ?? ' ';
		const after = block.text[index + 1] ?? ' ';
		if (open === null) {
			if (character === '“' || character === '«' || character === '„' || (character === '»' && /\s|^/.test(before) && /\S/.test(after))) {
				open = {at: index, close: openToClose[character]!};
			} else if (character === '"' && /[\s([—–-]/.test(before) || (character === '"' && index === 0)) {
				open = {at: index, close: '"'};
			} else if (character === '‘' && /[\s([—–-]/.test(before) || (character === '‘' && index === 0)) {
				open = {at: index, close: '’'};
			}

			continue;
		}

		const closes = character === open.close || (open.close === '”' && character === '"') || (open.close === '"' && character === '”');
		if (closes && !(open.close === '’' && /\p{L}/u.test(after))) {
			spans.push({start: block.start + open.at, end: block.start + index + 1, innerStart: block.start + open.at + 1, innerEnd: block.start + index, block: blockIndex, closed: true});
			open = null;
		}
	}

	if (open !== null && open.close !== '’') {
		// A quote that runs on into the next paragraph: the convention of long quotations.
		spans.push({start: block.start + open.at, end: block.start + block.text.length, innerStart: block.start + open.at + 1, innerEnd: block.start + block.text.length, block: blockIndex, closed: false});
	}

	void text;
	return spans;
}

/** The words of the quote without trailing commas (and a final full stop when it is a fragment). */
function trimQuote(text: string, start: number, end: number, partial: boolean): [number, number] {
	while (start < end && /\s/.test(text[start]!)) {
		start++;
	}

	while (end > start && (/[\s,;:]/.test(text[end - 1]!) || (partial && text[end - 1] === '.' && text[end - 2] !== '.'))) {
		end--;
	}

	return [start, end];
}

const wordsIn = (text: string): number => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

export function findQuotes(input: QuoteInput): QuoteResult {
	const {text, blocks, units, actors} = input;
	const quotes: QuoteFinding[] = [];
	const skipped: string[] = [];
	const spans: Span[] = [];
	for (const [index, block] of blocks.entries()) {
		if (block.kind === 'paragraph') {
			spans.push(...quoteSpans(text, block, index));
		}
	}

	// Everything below is looked up by offset in sorted lists, so that a long text stays linear.
	const spanStarts = spans.map((span) => span.start);
	const insideQuote = (offset: number): boolean => {
		const index = lastAtOrBefore(spanStarts, offset);
		return index !== -1 && offset < spans[index]!.end;
	};

	// Mentions usable as speakers: not inside a quotation, not a qualifier, the widest at each place.
	const mentions: Mention[] = [];
	for (const unitMentions of actors.byUnit.values()) {
		for (const mention of unitMentions) {
			if (!mention.qualifier && !insideQuote(mention.start)
				&& !unitMentions.some((other) => other !== mention && other.start <= mention.start && other.end >= mention.end && other.end - other.start > mention.end - mention.start)) {
				mentions.push(mention);
			}
		}
	}

	mentions.sort((a, b) => a.start - b.start);
	const mentionStarts = mentions.map((mention) => mention.start);
	/** Mentions that start in [from, to). */
	const mentionsIn = (from: number, to: number): Mention[] => mentions.slice(firstAtOrAfter(mentionStarts, from), firstAtOrAfter(mentionStarts, to));
	const mentionByKey = new Map<string, Mention>();
	for (const mention of mentions) {
		if (!mentionByKey.has(mention.key)) {
			mentionByKey.set(mention.key, mention);
		}
	}

	const unitStarts = units.map((unit) => unit.start);
	const unitAt = (offset: number): number => {
		const index = lastAtOrBefore(unitStarts, offset);
		return index !== -1 && offset < units[index]!.end ? index : -1;
	};

	const blockUnits = new Map<number, number[]>();
	for (const [index, unit] of units.entries()) {
		blockUnits.set(unit.block, [...blockUnits.get(unit.block) ?? [], index]);
	}

	const unitsOfBlock = (block: number): number[] => blockUnits.get(block) ?? [];
	const blocksWithSpans = new Set(spans.map((span) => span.block));

	/** The person a pronoun at `offset` stands for: the subject of the nearest sentence naming one. */
	const pronounTarget = (offset: number): Mention | undefined => {
		const unit = unitAt(offset);
		for (let index = unit; index >= 0 && index >= unit - 8; index--) {
			const candidates = mentionsIn(units[index]!.start, units[index]!.end).filter((mention) => mention.kind === 'person' && mention.end <= (index === unit ? offset : units[index]!.end));
			if (candidates.length > 0) {
				return candidates.find((mention) => !mention.possessive) ?? candidates[0];
			}
		}

		return undefined;
	};

	/** The speaker named around a speech verb: before it (subject) or right after it ("said X"). */
	const speakerNear = (tokens: readonly Token[], verbIndex: number, from: number, to: number): {mention: Mention; by: QuoteFinding['resolvedBy']} | undefined => {
		const verb = tokens[verbIndex]!;
		// "said Zelensky", "says French expert Rim Momtaz".
		const afterVerb = mentionsIn(verb.end, Math.min(verb.end + 61, to)).find((mention) => mention.kind === 'person' || mention.kind === 'organization');
		const beforeVerb = mentionsIn(from, verb.start).filter((mention) => mention.end <= verb.start && (mention.kind === 'person' || mention.kind === 'organization' || mention.kind === 'country'));
		const subjects = beforeVerb.filter((mention) => {
			const previous = tokens.filter((token) => token.end <= mention.start).at(-1);
			return !previous || !objectMarkers.has(previous.lower);
		});

		// A pronoun right before the verb: "he said".
		const previous = tokens[verbIndex - 1];
		if (previous && pronouns.has(previous.lower)) {
			const target = pronounTarget(previous.start);
			return target ? {mention: target, by: 'pronoun'} : undefined;
		}

		const subject = subjects.at(-1);
		if (subject && (tokens.filter((token) => token.start >= subject.end && token.end <= verb.start).length <= 4 || participles.has(verb.lower))) {
			return {mention: subject, by: subject.via === 'role' ? 'role' : 'name'};
		}

		// After "told", "telling", "asked", the name is who was spoken to.
		if (afterVerb && !objectMarkers.has(verb.lower) && tokens.filter((token) => token.start >= verb.end && token.end <= afterVerb.start).length <= 6) {
			return {mention: afterVerb, by: afterVerb.via === 'role' ? 'role' : 'name'};
		}

		if (subject) {
			return {mention: subject, by: subject.via === 'role' ? 'role' : 'name'};
		}

		return undefined;
	};

	const channelOf = (from: number, to: number): string | null => {
		const window = text.slice(from, to);
		for (const [pattern, channel] of channelCues) {
			if (pattern.test(window)) {
				return channel;
			}
		}

		return null;
	};

	const sentenceRange = (start: number, end: number): {start: number; end: number} => {
		const from = Math.max(0, lastAtOrBefore(unitStarts, start));
		const covering: typeof units[number][] = [];
		for (let index = from; index < units.length && units[index]!.start < end; index++) {
			if (units[index]!.end > start) {
				covering.push(units[index]!);
			}
		}

		const first = covering[0] ?? units[firstAtOrAfter(unitStarts, start)];
		return {start: Math.min(first?.start ?? start, ...covering.map((unit) => unit.start)), end: Math.max(end, ...covering.map((unit) => unit.end))};
	};

	let previousSpeaker: {key: string; block: number} | null = null;
	const tokenCache = new Map<string, Token[]>();

	for (const [spanIndex, span] of spans.entries()) {
		const block = blocks[span.block]!;
		const rawInner = text.slice(span.innerStart, span.innerEnd);
		const unit = unitAt(span.start);
		const sentence = units[unit] ?? {start: block.start, end: block.end, text: block.text, block: span.block};
		const tokensEnd = Math.max(sentence.end, span.end, units[unitAt(span.end - 1)]?.end ?? 0);
		const tokensKey = `${sentence.start}:${tokensEnd}`;
		let sentenceTokens = tokenCache.get(tokensKey);
		if (!sentenceTokens) {
			sentenceTokens = tokenize(text.slice(sentence.start, tokensEnd), sentence.start);
			tokenCache.set(tokensKey, sentenceTokens);
		}

		const beforeText = text.slice(sentence.start, span.start);
		const startsSentence = beforeText.trim() === '' || /[:—–-]\s*$/.test(beforeText.trim()) && wordsIn(beforeText) <= 1;
		const innerWords = wordsIn(rawInner);
		const lowerStart = /^[\s(\[]*\p{Ll}/u.test(rawInner);

		// Attribution after the quote, within the sentence where the quote closes.
		const closingUnit = units[unitAt(span.end - 1)];
		const attributionEnd = Math.max(sentence.end, span.end, closingUnit?.end ?? 0);
		const tail = sentenceTokens.filter((token) => token.start >= span.end && token.end <= attributionEnd);
		let attribution: {mention: Mention; by: QuoteFinding['resolvedBy']; verb: Token} | undefined;
		let via: QuoteVia = 'after';
		const tailVerbIndex = tail.slice(0, 9).findIndex((token) => speechVerbs.has(token.lower) && !weakSpeechVerbs.has(token.lower));
		// Words between the quote and its attribution ("a "historic step" for the region, his office said")
		// mean the attribution is the sentence's; a speaker named before the quote then comes first.
		const directlyAfter = tailVerbIndex !== -1 && tail.slice(0, tailVerbIndex).filter((token) => token.kind === 'word' && !/^(?:he|she|they|the|a|an)$/.test(token.lower)).length <= 4 && !tail.slice(0, Math.max(0, tailVerbIndex - 1)).some((token) => token.kind === 'word' && /^(?:for|to|in|on|of|with|and|by)$/.test(token.lower));
		if (tailVerbIndex !== -1 && !tail.slice(0, tailVerbIndex).some((token) => /^["“”«»]$/.test(token.text)) && (directlyAfter || !hasSpeechVerbBefore(sentenceTokens, span.start))) {
			const verbToken = tail[tailVerbIndex]!;
			const verbIndex = sentenceTokens.indexOf(verbToken);
			const found = speakerNear(sentenceTokens, verbIndex, span.end, attributionEnd);
			if (found && found.mention.start >= span.end) {
				attribution = {...found, verb: verbToken};
			} else if (found && found.by === 'pronoun') {
				attribution = {...found, verb: verbToken};
			}
		}

		// Attribution before it: "X said the US is "..."", "According to X, ...", "..., adding "..."".
		if (!attribution) {
			const head = sentenceTokens.filter((token) => token.end <= span.start && !insideQuote(token.start));
			let verbIndex = -1;
			for (let index = head.length - 1; index >= 0; index--) {
				const token = head[index]!;
				if ((speechVerbs.has(token.lower) && !(weakSpeechVerbs.has(token.lower) && !['called', 'calls', 'described', 'describes', 'wrote', 'writes'].includes(token.lower))) || (token.lower === 'according' && head[index + 1]?.lower === 'to')) {
					verbIndex = sentenceTokens.indexOf(token);
					break;
				}
			}

			if (verbIndex !== -1) {
				const verb = sentenceTokens[verbIndex]!;
				let found: {mention: Mention; by: QuoteFinding['resolvedBy']} | undefined;
				if (verb.lower === 'according') {
					const target = mentionsIn(verb.end + 1, span.start).find((mention) => mention.kind === 'person' || mention.kind === 'organization');
					found = target ? {mention: target, by: target.via === 'role' ? 'role' : 'name'} : undefined;
				} else if (participles.has(verb.lower)) {
					// "..., the Ukrainian leader said, adding that ...": the speaker of the earlier clause.
					const earlier = quotes.slice(-6).filter((quote) => quote.evidence.start <= sentence.start && quote.evidence.end >= sentence.start).at(-1);
					found = speakerNear(sentenceTokens, verbIndex, sentence.start, span.start);
					if (earlier && (!found || found.mention.kind !== 'person')) {
						const mention = mentionByKey.get(earlier.speaker);
						found = mention ? {mention, by: 'previous'} : found;
					}
				} else {
					found = speakerNear(sentenceTokens, verbIndex, sentence.start, span.start);
					if (found && found.mention.start > verb.end && found.by !== 'pronoun') {
						// "said X" before a quote is "said X: ..." — fine; but a mention after the verb
						// and before the quote that is its object ("told Le Figaro") is not the speaker.
						const between = text.slice(verb.end, found.mention.start);
						if (/\b(?:to|with|about)\b/.test(between)) {
							found = undefined;
						}
					}
				}

				if (found) {
					attribution = {...found, verb};
					via = 'before';
				}
			}
		}

		const partial = lowerStart || /^\s*\(\p{L}\)/u.test(rawInner) || /(?:…|\.\.\.)\s*$/.test(rawInner) && !span.closed
			|| (!startsSentence && !/^[\s(\[]*\p{Lu}/u.test(rawInner));
		const [quoteStart, quoteEnd] = trimQuote(text, span.innerStart, span.innerEnd, partial);
		const quoteText = text.slice(quoteStart, quoteEnd);

		// Names and terms in quotation marks.
		const precedingWords = text.slice(Math.max(block.start, span.start - 40), span.start);
		const titleCase = innerWords <= 5 && rawInner.split(/\s+/).filter((word) => /\p{L}/u.test(word)).every((word) => /^\p{Lu}/u.test(word) || /^(?:of|the|and|for|in|on|a|to|de|la|le)$/.test(word)) && !/[.!?]["”]?\s*$/.test(rawInner);
		if (quoteText === '' || innerWords === 0) {
			continue;
		}

		if (termCues.test(precedingWords) || (titleCase && !lowerStart)) {
			skipped.push(`"${clip(quoteText)}": a name or term in quotation marks`);
			continue;
		}

		const fragment = innerWords < 6 && !(startsSentence && /[.!?…]\s*$/.test(rawInner.trim()));
		if (fragment && !attribution) {
			skipped.push(`"${clip(quoteText)}": a phrase in quotation marks that no one is said to have said`);
			continue;
		}

		let speaker = attribution?.mention.key;
		let resolvedBy = attribution?.by ?? 'previous';
		if (!speaker) {
			// A paragraph that continues the previous speaker's quote, or a second quote after an
			// attributed one in the same paragraph.
			const paragraphStart = text.slice(block.start, span.start).trim() === '';
			const sameBlock = previousSpeaker !== null && previousSpeaker.block === span.block;
			const previousBlock = previousSpeaker !== null && previousSpeaker.block < span.block && span.block - previousSpeaker.block <= 6
				&& blocks.slice(previousSpeaker.block + 1, span.block).every((each, offset) => (each.kind === 'paragraph' && blocksWithSpans.has(previousSpeaker!.block + 1 + offset)) || each.kind === 'caption');
			const followingAttribution = spans[spanIndex + 1]?.block === span.block;
			if (previousSpeaker && (sameBlock || (paragraphStart && (previousBlock || previousSpeaker.block === span.block - 1)))) {
				speaker = previousSpeaker.key;
				resolvedBy = 'previous';
				via = 'continuation';
			} else if (followingAttribution) {
				// The attribution may come with a later piece of the same paragraph; handled when it is seen.
				skipped.push(`"${clip(quoteText)}": no speaker found`);
				continue;
			} else {
				skipped.push(`"${clip(quoteText)}": no speaker found`);
				continue;
			}
		}

		const evidence = sentenceRange(span.start, attribution && attribution.verb.end > span.end ? Math.max(span.end, attribution.verb.end) : span.end);
		const mentionInSentence = attribution && attribution.mention.start >= sentence.start && attribution.mention.end <= attributionEnd;
		const attributionRange = attribution ? {start: mentionInSentence ? Math.min(attribution.verb.start, attribution.mention.start) : attribution.verb.start, end: attribution.verb.start > span.end ? attributionEnd : span.start} : null;
		quotes.push({
			text: quoteText.replace(/\s+/g, ' '),
			start: quoteStart,
			end: quoteEnd,
			speaker,
			via,
			resolvedBy,
			evidence,
			partial,
			channel: channelOf(evidence.start, evidence.end),
			attribution: attributionRange,
			signatureDate: null,
		});
		previousSpeaker = {key: speaker, block: span.block};
	}

	quotes.push(...dashQuotes(input, mentionsIn, insideQuote, units, unitsOfBlock, channelOf));
	quotes.push(...embeddedPosts(input, mentionsIn));
	quotes.sort((a, b) => a.start - b.start);
	return {quotes, skipped};
}

function hasSpeechVerbBefore(tokens: readonly Token[], offset: number): boolean {
	return tokens.some((token) => token.end <= offset && (speechVerbs.has(token.lower) || token.lower === 'according'));
}

/** Index of the last value <= target in an ascending list, or -1. */
export function lastAtOrBefore(values: readonly number[], target: number): number {
	let low = 0;
	let high = values.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (values[middle]! <= target) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}

	return found;
}

/** Index of the first value >= target in an ascending list, or its length. */
export function firstAtOrAfter(values: readonly number[], target: number): number {
	let low = 0;
	let high = values.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (values[middle]! < target) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}

function clip(text: string): string {
	return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

const dashAttribution = /\s[-–—]\s+(says|said|noted|notes|adds|added|writes|wrote|stressed|stresses|emphasized|emphasizes|believes|concluded|explained|explains|insists|insisted|summarized|summarizes|recalled|recalls|admitted|admits|told|tells)\s+/g;

/** "Macron is not just a friend - he is a strategist ... - says French foreign policy expert Rim Momtaz." */
function dashQuotes(input: QuoteInput, mentionsIn: (from: number, to: number) => Mention[], insideQuote: (offset: number) => boolean, units: QuoteInput['units'], unitsOfBlock: (block: number) => number[], channelOf: (from: number, to: number) => string | null): QuoteFinding[] {
	const {text, blocks} = input;
	const found: QuoteFinding[] = [];
	for (const [index, unit] of units.entries()) {
		if (blocks[unit.block]?.kind !== 'paragraph') {
			continue;
		}

		let last: RegExpExecArray | undefined;
		dashAttribution.lastIndex = 0;
		for (let match = dashAttribution.exec(unit.text); match; match = dashAttribution.exec(unit.text)) {
			last = match;
		}

		if (!last) {
			continue;
		}

		const dashAt = unit.start + last.index;
		const verbEnd = unit.start + last.index + last[0].length;
		const speaker = mentionsIn(verbEnd, unit.end).find((mention) => mention.kind === 'person' || mention.kind === 'organization');
		if (!speaker) {
			continue;
		}

		// The quote runs from the start of the paragraph (at most three sentences back) to the dash.
		const blockUnits = unitsOfBlock(unit.block);
		const position = blockUnits.indexOf(index);
		const firstUnit = units[blockUnits[Math.max(0, position - 2)]!]!;
		let start = position <= 2 ? blocks[unit.block]!.start : firstUnit.start;
		while (start < dashAt && /\s/.test(text[start]!)) {
			start++;
		}

		const quoted = text.slice(start, dashAt);
		if (wordsIn(quoted) < 3 || /["“”«»]/.test(quoted) || insideQuote(start) || insideQuote(dashAt - 1)) {
			continue;
		}

		let end = dashAt;
		while (end > start && /[\s,]/.test(text[end - 1]!)) {
			end--;
		}

		found.push({
			text: text.slice(start, end),
			start,
			end,
			speaker: speaker.key,
			via: 'dash',
			resolvedBy: speaker.via === 'role' ? 'role' : 'name',
			evidence: {start: Math.min(start, units[blockUnits[Math.max(0, position - 2)]!]!.start, position <= 2 ? units[blockUnits[0]!]!.start : start), end: unit.end},
			partial: /^\p{Ll}/u.test(text[start] ?? ''),
			channel: channelOf(dashAt, unit.end),
			attribution: {start: dashAt, end: unit.end},
			signatureDate: null,
		});
	}

	return found;
}

const signature = /\s[—–]\s*([^/()\n]+?(?:\s*\/\s*[^/()\n]+?)*)\s*\((@[\p{L}\p{N}_]+)\)\s*([A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2})\s*$/u;
const firstPerson = /\b(?:I|we|We|my|My|our|Our|me|us)\b/;
const monthNumbers: Record<string, number> = {jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12};

function signatureDay(text: string): string | null {
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (iso) {
		return text;
	}

	const us = /^([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})$/.exec(text);
	const eu = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text);
	const [monthName, day, year] = us ? [us[1]!, us[2]!, us[3]!] : eu ? [eu[2]!, eu[1]!, eu[3]!] : [null, null, null];
	const month = monthName ? monthNumbers[monthName.slice(0, 3).toLowerCase()] : undefined;
	return month && day && year ? `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}` : null;
}

/**
 * An embedded post: its paragraphs, then a signature line "— Name / Имя (@handle) April 17, 2025".
 * The paragraphs before the signature belong to the post while they are set apart the same way or
 * written in the first person, back to the nearest heading.
 */
function embeddedPosts(input: QuoteInput, mentionsIn: (from: number, to: number) => Mention[]): QuoteFinding[] {
	const {text, blocks} = input;
	const found: QuoteFinding[] = [];
	for (const [index, block] of blocks.entries()) {
		if (block.kind !== 'paragraph') {
			continue;
		}

		const match = signature.exec(block.text);
		if (!match) {
			continue;
		}

		const signatureStart = block.start + match.index;
		const speaker = mentionsIn(signatureStart, block.end).find((mention) => mention.end <= block.end && mention.kind === 'person');
		if (!speaker) {
			continue;
		}

		const date = signatureDay(match[3]!);
		const channel = /^@/.test(match[2]!) ? 'X' : null;
		const pieces: Array<{start: number; end: number; evidenceEnd: number; cut: boolean}> = [];
		let end = signatureStart;
		while (end > block.start && /\s/.test(text[end - 1]!)) {
			end--;
		}

		if (end > block.start) {
			pieces.push({start: block.start, end, evidenceEnd: block.end, cut: /(?:…|\.\.\.)$/.test(text.slice(block.start, end))});
		}

		for (let previous = index - 1; previous >= 0 && pieces.length < 6; previous--) {
			const candidate = blocks[previous]!;
			if (candidate.kind !== 'paragraph' || /["“”«»]/.test(candidate.text)) {
				break;
			}

			const setApart = blocks[previous + 1]!.gap >= 2;
			if (!setApart && !firstPerson.test(candidate.text)) {
				break;
			}

			pieces.push({start: candidate.start, end: candidate.end, evidenceEnd: candidate.end, cut: false});
		}

		for (const piece of pieces.reverse()) {
			found.push({
				text: text.slice(piece.start, piece.end),
				start: piece.start,
				end: piece.end,
				speaker: speaker.key,
				via: 'embed',
				resolvedBy: 'name',
				evidence: {start: piece.start, end: piece.evidenceEnd},
				partial: piece.cut,
				channel,
				attribution: null,
				signatureDate: date,
			});
		}
	}

	return found;
}
