/**
 * Stage 4: who is named in an article. People with their titles split off as a role ("U.S.
 * Secretary of State Marco Rubio" is Marco Rubio, US Secretary of State), organizations, countries
 * and places; then, for the whole article, surnames, first names, handles and role phrases ("the
 * Ukrainian leader", "Zelensky's chief of staff", "the French capital") resolved to the full names
 * seen in the article or already in the dataset, and spellings folded into one actor.
 *
 * No name list decides who is a person: a title before the name, an apposition after it, a speech
 * verb, a given name, or simply two or three capitalized words that are no known country,
 * organization or place. Places are told by their cues (`in`, `the city of`, `visited`, `strike on`)
 * and suffixes (`Oblast`, `Palace`); organizations by their words (`Ministry`, `News`) and a short
 * list of ones known by a bare name (NATO, the Kremlin, Bloomberg).
 */

import type {ActorKind} from '../core/schema.js';
import {
	capitalizedStopwords, countries, type CountryEntry, givenNames, knownOrganizations, leaderTitles, organizationWords,
	personTitles, placeWords, regionDemonyms, regions, speechVerbs, titleHeads,
} from './lexicon.js';
import {fold} from '../core/text.js';
import {irregularPast} from './dates.js';
import {
	handleWords, isLatin, type Lexicon, nameKey, personKey, personKeyWords, placeKey, surnameKey,
} from './names.js';
import {type Token, tokenize} from './tokens.js';

/** An actor already in the dataset, used to resolve surnames and spellings. */
export type KnownActor = {
	readonly id: string;
	readonly name: string;
	readonly kind: ActorKind;
	readonly aliases: readonly string[];
	readonly role: string | null;
	readonly country: string | null;
};

export type ActorContext = {
	readonly lexicon: Lexicon;
	readonly known: readonly KnownActor[];
};

export type TextUnit = {
	/** Offsets in the original text. */
	readonly start: number;
	readonly end: number;
	readonly text: string;
	/** Index of the block it belongs to. */
	readonly block: number;
	readonly caption: boolean;
};

export type LocalActor = {
	/** `kind:key`, unique in the article. */
	readonly key: string;
	readonly kind: ActorKind;
	name: string;
	/** Every spelling seen, with how often. */
	readonly spellings: Map<string, number>;
	role: string | null;
	country: string | null;
	/** The dataset actor it is, when it was recognized as one. */
	known: KnownActor | null;
	/** Offset of the first mention. */
	first: number;
};

export type MentionVia = 'name' | 'surname' | 'given' | 'handle' | 'role' | 'demonym' | 'metonym' | 'office';

export type Mention = {
	readonly key: string;
	readonly kind: ActorKind;
	/** Offsets in the original text of the words that name the actor (with its title, when any). */
	readonly start: number;
	readonly end: number;
	/** Index of the text unit (sentence) it is in. */
	readonly unit: number;
	readonly text: string;
	/** Part of someone else's title ("French" in "French President Emmanuel Macron"). */
	readonly qualifier: boolean;
	/** After `in`, `at`, `to`...: where something happened. */
	readonly locative: boolean;
	/** Followed by `'s`: the owner of something, seldom the one a later pronoun stands for. */
	readonly possessive: boolean;
	readonly via: MentionVia;
};

export type ArticleActors = {
	readonly actors: LocalActor[];
	readonly mentions: Mention[];
	/** Mentions of each unit, in order. */
	readonly byUnit: ReadonlyMap<number, Mention[]>;
};

type Target =
	| {type: 'country'; country: CountryEntry}
	| {type: 'demonym'; country: CountryEntry; plural: boolean}
	| {type: 'capital'; country: CountryEntry}
	| {type: 'region'; name: string}
	| {type: 'organization'; name: string; role: string | null; country: string | null}
	| {type: 'place'; name: string; country: string | null}
	| {type: 'known'; actor: KnownActor};

type Entry = {readonly words: readonly string[]; readonly target: Target};

type Gazetteer = Map<string, Entry[]>;

const platforms = new Set(['X', 'Twitter', 'Telegram', 'Facebook', 'Instagram', 'WhatsApp', 'Signal', 'TikTok', 'YouTube', 'Viber', 'LinkedIn', 'Truth', 'Social', 'Threads', 'Bluesky', 'Zoom', 'Skype', 'AI', 'UAV', 'UAVs', 'GMT', 'UTC', 'AM', 'PM']);
const particles = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'al', 'da', 'di', 'du', 'la', 'le', 'ter', 'dos', 'das', 'del', 'ibn', 'el']);
const locativeWords = new Set(['in', 'at', 'to', 'from', 'near', 'outside', 'inside', 'into', 'across', 'toward', 'towards', 'around', 'visited', 'visit', 'visiting', 'visits', 'via', 'through', 'reached', 'entered', 'over']);
const placeCueNouns = new Set(['city', 'cities', 'town', 'towns', 'village', 'villages', 'region', 'regions', 'oblast', 'province', 'district', 'settlement', 'settlements', 'capital', 'port', 'suburb', 'area']);
const strikeWords = new Set(['strike', 'strikes', 'attack', 'attacks', 'assault', 'shelling', 'bombing', 'raid', 'offensive', 'advance', 'march', 'hit']);
const militaryNouns = new Set(['forces', 'army', 'troops', 'military', 'soldiers', 'servicemen', 'navy', 'defenders']);
const governmentNouns = new Set(['presidency', 'government', 'foreign ministry', 'defence ministry', 'defense ministry', 'interior ministry', 'ministry', 'parliament', 'embassy', 'intelligence', 'prosecutors', 'general staff', 'air force', 'border guards', 'police', 'cabinet']);
const leaderWords = new Set(['leader', 'chief', 'head', 'president', 'premier', 'prime minister', 'pm', 'chancellor', 'head of state']);
const titleSingleWords = new Set(personTitles.flatMap((title) => title.split(' ')).map((word) => word.replace(/\.$/, '')));
const titleCores = new Set(personTitles.filter((title) => !/^(?:mr|mrs|ms|dr|sir|dame|lord|prof)\.?$/.test(title)).map((title) => title.split(' ').at(-1)!.replace(/\.$/, '')));
const nonAffiliationTitles = new Set(['expert', 'analyst', 'journalist', 'historian', 'researcher', 'correspondent', 'director', 'filmmaker', 'activist', 'author', 'writer', 'economist', 'editor', 'professor', 'founder', 'ceo']);
const functionWords = new Set(['in', 'on', 'at', 'to', 'for', 'with', 'by', 'of', 'from', 'and', 'or', 'but', 'as', 'that', 'which', 'who', 'the', 'a', 'an', 'this', 'these', 'those', 'it', 'its', 'their', 'his', 'her', 'than', 'into', 'over', 'after', 'before', 'since', 'until', 'while', 'also', 'not', 'still', 'already', 'now', 'then']);
const attributiveNouns = new Set(['talks', 'meeting', 'meetings', 'summit', 'conference', 'agreement', 'accords', 'format', 'process', 'declaration', 'negotiations', 'region', 'metro', 'office', 'court', 'airport', 'offices', 'residents', 'mayor', 'police']);
const speechOrAction = new Set([...speechVerbs, 'is', 'was', 'has', 'had', 'will', 'would', 'can', 'could', 'and', 'who', 'himself', 'herself']);

/** Capitalized words that start sentences as common nouns: "Critics have...", "Officials said". */
const commonSubjects = new Set(('Critics Officials Analysts Experts Residents Authorities Observers Investigators Lawmakers Diplomats Soldiers Troops Police '
	+ 'Rescuers Witnesses Sources Reports Others Everyone Nobody People Citizens Voters Workers Farmers Protesters Doctors Scientists Prosecutors '
	+ 'Officers Leaders Ministers Members Supporters Opponents Activists Journalists Reporters Europeans Americans Allies Partners Negotiators Late '
	+ 'Early Most Many Several Earlier Later Despite Such Neither Either Data Figures Prices Markets Shares Talks Negotiations Meanwhile').split(' '));

function followedByVerb(token: Token | undefined): boolean {
	return token !== undefined && token.kind === 'word' && !token.cap && (looksLikeVerb(token.lower) || /^(?:will|would|has|have|had|is|was|were|are|can|could|must|may|might|should|also|then)$/.test(token.lower));
}

function looksLikeVerb(word: string): boolean {
	return speechOrAction.has(word) || irregularPast.has(word) || /(?:ed|s)$/.test(word);
}

const placeWordsLower = new Set([...placeWords].map((word) => word.toLowerCase()));

const gazetteerCache = new WeakMap<object, Gazetteer>();

function addEntry(gazetteer: Gazetteer, phrase: string, target: Target): void {
	const words = tokenize(phrase.replace(/^the\s+/i, '')).map((token) => token.text);
	if (words.length === 0) {
		return;
	}

	const list = gazetteer.get(words[0]!) ?? [];
	if (!list.some((entry) => entry.words.join(' ') === words.join(' '))) {
		list.push({words, target});
		list.sort((a, b) => b.words.length - a.words.length);
	}

	gazetteer.set(words[0]!, list);
}

/** A dataset alias usable as a gazetteer entry: a spelling, not a description ("the Ukrainian leader"). */
function isSpellingAlias(alias: string): boolean {
	if (/['’]s\b/.test(alias) || !/^[\p{Lu}@\d]/u.test(alias.replace(/^the\s+/, ''))) {
		return false;
	}

	const words = alias.replace(/^the\s+/, '').split(/\s+/);
	return !words.some((word) => /^\p{Ll}/u.test(word) && !particles.has(word) && !['of', 'and', 'for'].includes(word))
		&& !(alias.startsWith('the ') && words.some((word) => titleSingleWords.has(word.toLowerCase())));
}

function gazetteerOf(context: ActorContext): Gazetteer {
	const cached = gazetteerCache.get(context);
	if (cached) {
		return cached;
	}

	const gazetteer: Gazetteer = new Map();
	for (const country of countries) {
		addEntry(gazetteer, country.name, {type: 'country', country});
		for (const alias of country.aliases) {
			addEntry(gazetteer, alias, {type: 'country', country});
		}

		for (const demonym of country.demonyms) {
			addEntry(gazetteer, demonym, {type: 'demonym', country, plural: /s$/.test(demonym) && demonym !== 'Swiss'});
		}

		if (country.capital && country.capital !== country.name) {
			addEntry(gazetteer, country.capital, {type: 'capital', country});
		}
	}

	for (const region of regions) {
		addEntry(gazetteer, region, {type: 'region', name: region});
	}

	for (const organization of knownOrganizations) {
		const target: Target = {type: 'organization', name: organization.name, role: organization.role, country: organization.country};
		addEntry(gazetteer, organization.name, target);
		for (const alias of organization.aliases) {
			addEntry(gazetteer, alias, target);
		}
	}

	for (const [, group] of context.lexicon.placeNames) {
		for (const spelling of group) {
			if (!gazetteer.has(tokenize(spelling)[0]?.text ?? '') || !(gazetteer.get(tokenize(spelling)[0]!.text) ?? []).some((entry) => entry.words.join(' ') === tokenize(spelling).map((token) => token.text).join(' '))) {
				addEntry(gazetteer, spelling, {type: 'place', name: group[0]!, country: null});
			}
		}
	}

	for (const actor of context.known) {
		for (const spelling of [actor.name, ...actor.aliases]) {
			if (spelling.startsWith('@') || (isSpellingAlias(spelling) && (actor.kind !== 'person' || spelling.includes(' ') || spelling === actor.name))) {
				// Known people are found by the person rules and matched by key; their spellings here
				// only serve other kinds and handles.
				if (actor.kind !== 'person' || spelling.startsWith('@')) {
					addEntry(gazetteer, spelling, {type: 'known', actor});
				}
			}
		}
	}

	gazetteerCache.set(context, gazetteer);
	return gazetteer;
}

type Span = {start: number; end: number};

/** One found name before the article-level resolution. */
type Raw = {
	unit: number;
	/** Token range of the whole mention (title included) and of the name words. */
	from: number;
	to: number;
	nameFrom: number;
	nameTo: number;
	kind: ActorKind | 'pending' | 'role' | 'office' | 'handle';
	name: string;
	role: string | null;
	country: string | null;
	qualifier: boolean;
	locative: boolean;
	via: MentionVia;
	/** For `role`: the words of the role phrase; for `office`: the owner's raw index. */
	roleWords?: string[];
	roleCountry?: string | null;
	owner?: Raw;
	known?: KnownActor;
	signal: number;
	organizationRole?: string | null;
};

function titleCase(text: string): string {
	return text.replace(/(^|[\s-])(\p{Ll})/gu, (_match, space: string, letter: string) => space + letter.toUpperCase()).replace(/\b(Of|The|For|And|To|On)\b/g, (word) => word.toLowerCase());
}

function countryPhrase(country: CountryEntry): string {
	return country.the ? `the ${country.name}` : country.name;
}

function shortCountry(country: CountryEntry): string {
	return country.code === 'US' ? 'US' : country.code === 'GB' ? 'UK' : country.name;
}

function demonymOf(country: CountryEntry): string {
	return country.demonyms[0] ?? country.name;
}

/** Finds the actors of an article's text units. */
export function findActors(units: readonly TextUnit[], context: ActorContext): ArticleActors {
	const gazetteer = gazetteerOf(context);
	const raws: Raw[] = [];
	const unitTokens: Token[][] = [];

	for (const [unitIndex, unit] of units.entries()) {
		const tokens = tokenize(unit.text, unit.start);
		unitTokens.push(tokens);
		scanUnit(tokens, unitIndex, gazetteer, raws);
	}

	return resolveArticle(raws, unitTokens, units, context);
}

function isQuoteMark(text: string): boolean {
	return /^["“”«»„'‘’]$/.test(text);
}

function scanUnit(tokens: readonly Token[], unit: number, gazetteer: Gazetteer, raws: Raw[]): void {
	const taken = new Array<boolean>(tokens.length).fill(false);
	const found: Raw[] = [];
	const lowerAt = (index: number): string => tokens[index]?.lower ?? '';
	const isLocative = (index: number): boolean => {
		let position = index - 1;
		if (lowerAt(position) === 'the') {
			position--;
		}

		const word = lowerAt(position);
		if (word === 'to' && lowerAt(position - 1) === 'according') {
			return false;
		}

		if (locativeWords.has(word)) {
			return true;
		}

		// "strike on Kryvyi Rih", "the city of Sumy", "the cities of Sumy and Kryvyi Rig".
		if (word === 'on' && strikeWords.has(lowerAt(position - 1))) {
			return true;
		}

		if (word === 'of' && placeCueNouns.has(lowerAt(position - 1))) {
			return true;
		}

		if ((word === 'and' || word === ',') && position > 0) {
			const previous = found.at(-1);
			return previous !== undefined && previous.to === position && previous.locative;
		}

		return false;
	};

	// 1. Gazetteer: countries, demonyms, capitals, regions, known organizations and places.
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index]!;
		const entries = gazetteer.get(token.text);
		if (!entries || (token.kind !== 'word' && token.kind !== 'handle')) {
			continue;
		}

		for (const entry of entries) {
			if (index + entry.words.length > tokens.length || !entry.words.every((word, offset) => tokens[index + offset]!.text === word)) {
				continue;
			}

			const to = index + entry.words.length;
			// "Fox News" is one name even though "Fox" is not; "New York Times" wins over "New York".
			const raw = gazetteerRaw(entry, tokens, index, to, unit, isLocative(index));
			if (raw) {
				found.push(raw);
				for (let position = index; position < to; position++) {
					taken[position] = true;
				}

				index = to - 1;
			}

			break;
		}
	}

	// 2. Organizations: capitalized words with an organization word, and their "of ..." complement.
	for (let index = 0; index < tokens.length; index++) {
		if (taken[index] || !tokens[index]!.cap || tokens[index]!.kind !== 'word') {
			continue;
		}

		let end = index;
		let hasOrganizationWord = false;
		while (end < tokens.length && !taken[end] && tokens[end]!.cap && tokens[end]!.kind === 'word') {
			hasOrganizationWord ||= organizationWords.has(tokens[end]!.text);
			end++;
		}

		if (!hasOrganizationWord || (end - index === 1 && capitalizedStopwords.has(tokens[index]!.text))) {
			index = end - 1;
			continue;
		}

		// "Radio Chisinau", "Kyiv Post": a place named as part of the organization's name.
		const adjoining = found.find((raw) => raw.from === end && (raw.kind === 'place' || raw.kind === 'country') && raw.via === 'name');
		if (adjoining && organizationWords.has(tokens[end - 1]!.text)) {
			end = adjoining.to;
			found.splice(found.indexOf(adjoining), 1);
		}

		// "Office of the President of Ukraine", "Ministry for Europe and Foreign Affairs".
		while (/^(?:of|for)$/.test(lowerAt(end))) {
			let next = end + 1;
			if (lowerAt(next) === 'the') {
				next++;
			}

			const startComplement = next;
			while (next < tokens.length && (tokens[next]!.cap || (lowerAt(next) === 'and' && tokens[next + 1]?.cap)) && tokens[next]!.kind === 'word') {
				next++;
			}

			if (next === startComplement) {
				break;
			}

			end = next;
		}

		let from = index;
		while (from > 0 && capitalizedStopwords.has(tokens[from]!.text) && from < end - 1) {
			from++;
		}

		if (tokens[from - 1]?.text === 'The' || tokens[from - 1]?.text === 'the') {
			// Kept out of the name.
		}

		const name = textOf(tokens, from, end);
		// Title phrases that merely contain "Office" belong to a person: "Head of the Office of ...".
		found.push({unit, from, to: end, nameFrom: from, nameTo: end, kind: 'organization', name, role: null, country: countryIn(tokens, from, end, found), qualifier: false, locative: false, via: 'name', signal: 2});
		for (let position = from; position < end; position++) {
			taken[position] = true;
		}

		// Gazetteer words inside the name ("Ukraine" in "Office of the President of Ukraine") are part of it.
		for (let position = found.length - 2; position >= 0; position--) {
			const inner = found[position]!;
			if (inner.from >= from && inner.to <= end) {
				found.splice(position, 1);
			}
		}

		index = end - 1;
	}

	// 3. Places by suffix: "Kursk Oblast", "Elysee Palace", "Elysee presidential palace".
	for (let index = 0; index < tokens.length; index++) {
		if (taken[index] || !tokens[index]!.cap || tokens[index]!.kind !== 'word' || capitalizedStopwords.has(tokens[index]!.text)) {
			continue;
		}

		let end = index;
		while (end < tokens.length && !taken[end] && tokens[end]!.kind === 'word' && (tokens[end]!.cap || (particles.has(tokens[end]!.text) && tokens[end + 1]?.cap))) {
			end++;
		}

		const last = tokens[end - 1]!;
		let placeEnd = -1;
		if (placeWords.has(last.text) && end - index >= 2) {
			placeEnd = end;
		} else if (placeWordsLower.has(lowerAt(end)) && !tokens[end]!.cap && !taken[end]) {
			placeEnd = end + 1;
		} else if (/^(?:presidential|royal|national|central|main|old|new|grand|great)$/.test(lowerAt(end)) && placeWordsLower.has(lowerAt(end + 1))) {
			placeEnd = end + 2;
		}

		if (placeEnd !== -1) {
			found.push({unit, from: index, to: placeEnd, nameFrom: index, nameTo: placeEnd, kind: 'place', name: textOf(tokens, index, placeEnd), role: null, country: null, qualifier: false, locative: isLocative(index), via: 'name', signal: 2});
			for (let position = index; position < placeEnd; position++) {
				taken[position] = true;
			}

			index = placeEnd - 1;
		} else {
			index = end - 1;
		}
	}

	// 4. Handles.
	for (const [index, token] of tokens.entries()) {
		if (token.kind === 'handle' && !taken[index]) {
			found.push({unit, from: index, to: index + 1, nameFrom: index, nameTo: index + 1, kind: 'handle', name: token.text, role: null, country: null, qualifier: false, locative: false, via: 'handle', signal: 0});
			taken[index] = true;
		}
	}

	// 5. Names: runs of capitalized words, with a title before them or an apposition after.
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index]!;
		if (taken[index] || !token.cap || token.kind !== 'word' || isTitleWord(token) || capitalizedStopwords.has(token.text) || platforms.has(token.text) || regionDemonyms.has(token.text) || /^\p{Lu}$/u.test(token.text)) {
			continue;
		}

		let end = index + 1;
		while (end < tokens.length && end - index < 5 && !taken[end] && tokens[end]!.kind === 'word'
			&& ((tokens[end]!.cap && !isTitleWord(tokens[end]!) && !capitalizedStopwords.has(tokens[end]!.text)) || (particles.has(tokens[end]!.text) && tokens[end + 1]?.cap))) {
			end++;
		}

		if (end - index >= 5) {
			// A headline in title case, not a name.
			while (end < tokens.length && tokens[end]!.cap) {
				end++;
			}

			index = end - 1;
			continue;
		}

		const raw = nameRaw(tokens, index, end, unit, found, isLocative(index));
		if (raw) {
			found.push(raw);
			for (let position = raw.from; position < raw.to; position++) {
				taken[position] = true;
			}
		}

		index = end - 1;
	}

	// 6. Role phrases without a name: "the Ukrainian leader", "the Kremlin chief", "the French capital",
	// "Zelensky's chief of staff"; offices: "Macron's office", "the French presidency", "Ukrainian forces".
	const starts = new Set(found.map((raw) => raw.from));
	const ends = new Set(found.map((raw) => raw.to));
	for (let index = 0; index < tokens.length; index++) {
		// Role phrases start at "the", at a qualifier ("Kremlin spokesman") or at a possessive.
		if (tokens[index]!.lower !== 'the' && !starts.has(index) && !ends.has(index)) {
			continue;
		}

		const raw = rolePhraseAt(tokens, index, unit, found, taken);
		if (raw) {
			found.push(raw);
			for (let position = raw.from; position < raw.to; position++) {
				taken[position] = true;
			}

			index = raw.to - 1;
		}
	}

	// Mentions inside quotation marks that are names in quotes ("Macronize") were never matched:
	// a single capitalized word with no signal stays pending and is dropped later.
	for (const raw of found) {
		if (raw.kind === 'pending' && tokens[raw.from - 1] && isQuoteMark(tokens[raw.from - 1]!.text) && tokens[raw.to] && isQuoteMark(tokens[raw.to]!.text)) {
			raw.signal = -5;
		}
	}

	found.sort((a, b) => a.from - b.from);
	raws.push(...found);
}

function isTitleWord(token: Token): boolean {
	const lower = token.lower.replace(/\.$/, '');
	return titleSingleWords.has(lower) && lower !== 'the' && lower !== 'of' && lower !== 'and' && lower !== 'for' && lower !== 'to' && !['first', 'head', 'lady', 'major', 'king', 'chair', 'judge'].includes(lower)
		|| (token.cap && titleHeads.has(lower) && !['the', 'of', 'and', 'for', 'to', 'on', 'in', 'first', 'head', 'lady', 'major', 'king', 'chair', 'judge', 'european'].includes(lower));
}

function textOf(tokens: readonly Token[], from: number, to: number): string {
	let text = '';
	for (let index = from; index < to; index++) {
		const token = tokens[index]!;
		const previous = tokens[index - 1];
		text += index > from && previous && previous.end < token.start ? ' ' : '';
		text += token.text;
	}

	return text;
}

function countryIn(tokens: readonly Token[], from: number, to: number, found: readonly Raw[]): string | null {
	for (const raw of found) {
		if (raw.from >= from && raw.to <= to && raw.country) {
			return raw.country;
		}
	}

	return null;
}

function gazetteerRaw(entry: Entry, tokens: readonly Token[], from: number, to: number, unit: number, locative: boolean): Raw | undefined {
	const target = entry.target;
	const name = textOf(tokens, from, to);
	const base = {unit, from, to, nameFrom: from, nameTo: to, role: null, qualifier: false, locative, signal: 3};
	switch (target.type) {
		case 'country': {
			return {...base, kind: 'country', name: target.country.name, country: target.country.code, via: 'name'};
		}

		case 'demonym': {
			// "the Russians" names the country; "Russian" is an adjective that says whose.
			return {...base, kind: 'country', name: target.country.name, country: target.country.code, via: target.plural && tokens[from - 1]?.lower === 'the' ? 'name' : 'demonym'};
		}

		case 'capital': {
			// "Kyiv gave its backing", "talks with Moscow", "Kyiv's defense": the government. "in Paris",
			// "the Paris talks": the city.
			const after = tokens[to];
			const before = tokens[from - 1]?.lower ?? '';
			const attributive = after !== undefined && after.kind === 'word' && !after.cap && !looksLikeVerb(after.lower) && !functionWords.has(after.lower) || attributiveNouns.has(after?.lower ?? '');
			const metonym = after?.kind === 'possessive' || !locative && !attributive && ( before === 'with' || before === 'for' || before === 'between' || before === 'and'
				|| (after !== undefined && after.kind === 'word' && looksLikeVerb(after.lower)));
			if (metonym) {
				return {...base, kind: 'country', name: target.country.name, country: target.country.code, via: 'metonym'};
			}

			return {...base, kind: 'place', name, country: target.country.code, via: 'name'};
		}

		case 'region': {
			return {...base, kind: 'place', name: target.name, country: null, via: 'name'};
		}

		case 'organization': {
			return {...base, kind: 'organization', name: target.name, country: target.country, via: 'name', organizationRole: target.role};
		}

		case 'place': {
			return {...base, kind: 'place', name: target.name, country: target.country, via: 'name'};
		}

		case 'known': {
			return {...base, kind: target.actor.kind, name: target.actor.name, country: target.actor.country, via: 'name', known: target.actor, role: target.actor.role};
		}
	}
}

/** A run of capitalized words: a person, possibly with a title before it or an apposition after. */
function nameRaw(tokens: readonly Token[], from: number, to: number, unit: number, found: readonly Raw[], locative: boolean): Raw | undefined {
	const name = textOf(tokens, from, to);
	const words = to - from;
	const title = titleBefore(tokens, from, found);
	const apposition = title ? undefined : appositionAfter(tokens, to, found);
	const next = tokens[to];
	const previous = tokens[from - 1];
	const cyrillic = /[\u0400-\u04FF]/.test(name);

	let signal = 0;
	if (title) {
		signal += 3;
	}

	if (apposition) {
		signal += 2;
	}

	if (givenNames.has(tokens[from]!.lower) && words >= 2) {
		signal += 2;
	}

	if (next && (speechVerbs.has(next.lower) || (next.lower === ',' && tokens[to + 1]?.lower === 'who'))) {
		signal += 2;
	}

	if (previous && ['according', 'by', 'with', 'told', 'and', 'including', 'like', 'minister', 'mr', 'mrs', 'ms', 'dr'].includes(previous.lower.replace(/\.$/, ''))) {
		signal += 1;
	}

	// The object of a verb of meeting or speaking: "met Macron", "called Zelenskyy", "thanked Rutte".
	if (previous && previous.kind === 'word' && !previous.cap && /^(?:met|meets|meet|meeting|called|calls|thanked|thanks|welcomed|welcomes|hosted|hosts|received|receives|urged|urges|invited|invites|phoned|criticized|criticised|praised|praises|accused|accuses|replaced|appointed|dismissed|fired|endorsed|backed|supported|joined|joins|told|tells|asked|asks|warned|warns|congratulated)$/.test(previous.lower)) {
		signal += 1;
	}

	if (previous?.lower === 'to' && tokens[from - 2]?.lower === 'according') {
		signal += 2;
	}

	if (cyrillic && words >= 2) {
		signal += 2;
	}

	// A place: "in Saint Petersburg", "visited Irpin", "the city of Dnipro" — unless a title says person.
	// One word alone is decided later: "grateful to Emmanuel" is a person the article names in full.
	if (locative && words >= 2 && !title && !apposition && !(givenNames.has(tokens[from]!.lower) && words >= 2)) {
		return {unit, from, to, nameFrom: from, nameTo: to, kind: 'place', name, role: null, country: null, qualifier: false, locative: true, via: 'name', signal: 2};
	}

	if (words === 1) {
		// A surname or first name alone: resolved against the article's people later.
		const sentenceStart = from === 0 || (from === 1 && isQuoteMark(tokens[0]!.text));
		return {
			unit, from: title ? title.from : from, to, nameFrom: from, nameTo: to, kind: 'pending', name, role: title?.role ?? null, country: title?.country ?? null,
			qualifier: false, locative, via: 'surname', signal: signal - (sentenceStart && !followedByVerb(next) ? 1 : 0) + (next?.kind === 'possessive' ? 1 : 0) + (followedByVerb(next) && !commonSubjects.has(name) ? 1 : 0) - (commonSubjects.has(name) ? 5 : 0),
		};
	}

	if (tokens.slice(from, to).every((token) => /^\p{Lu}[\p{Lu}\d.&-]*$/u.test(token.text)) && words <= 3 && !title) {
		// Capitals only: an acronym phrase, not a person ("NATO EU" or a heading).
		return undefined;
	}

	return {
		unit, from: title ? title.from : from, to, nameFrom: from, nameTo: to, kind: 'person', name, role: title?.role ?? apposition?.role ?? null,
		country: title?.country ?? apposition?.country ?? null, qualifier: false, locative: false, via: 'name', signal,
	};
}

type Title = {from: number; role: string; country: string | null};

/**
 * The title before a name, read backwards: "U.S. Secretary of State", "France's Minister for Europe and
 * Foreign Affairs", "Macron's former diplomatic advisor", "Kremlin spokesman", "director".
 */
function titleBefore(tokens: readonly Token[], nameFrom: number, found: readonly Raw[]): Title | undefined {
	let index = nameFrom - 1;
	let core: string | undefined;
	const words: string[] = [];
	let qualifierText: string | null = null;
	let country: string | null = null;
	let from = nameFrom;
	while (index >= 0 && nameFrom - index <= 10) {
		const token = tokens[index]!;
		const lower = token.lower.replace(/\.$/, '');
		const raw = found.find((each) => each.to === index + 1 && each.from <= index);
		if (raw && (raw.kind === 'country' || raw.kind === 'organization' || raw.via === 'demonym')) {
			// A qualifier: "French", "U.S.", "Kremlin", "Ukraine" (of "President of Ukraine").
			const joined = tokens[raw.from - 1]?.lower === 'of' || tokens[raw.from - 1]?.lower === 'for' || tokens[raw.from - 1]?.lower === 'the' && tokens[raw.from - 2]?.lower === 'of';
			if (words.length === 0 && !joined) {
				break;
			}

			raw.qualifier = true;
			country ??= raw.country;
			if (joined) {
				words.unshift(raw.kind === 'country' ? countryPhraseOf(raw) : raw.name);
				index = raw.from - 1;
				continue;
			}

			qualifierText = raw.kind === 'country' && raw.via === 'demonym' ? textOf(tokens, raw.from, raw.to) : raw.kind === 'country' ? textOf(tokens, raw.from, raw.to) : raw.name;
			from = raw.from;
			index = raw.from - 1;
			if (tokens[index]?.kind === 'possessive') {
				// "France's President".
				index--;
			}

			break;
		}

		if (token.kind === 'possessive') {
			// "Macron's former diplomatic advisor", "Zelensky's chief of staff".
			const owner = found.find((each) => each.to === index && (each.kind === 'person' || each.kind === 'pending' || each.kind === 'country' || each.kind === 'organization'));
			if (owner && words.length > 0) {
				owner.qualifier = owner.kind === 'country' || owner.kind === 'organization';
				if (owner.kind === 'country' || owner.kind === 'organization') {
					qualifierText = owner.name;
					country ??= owner.country;
				} else {
					qualifierText = `${owner.name}'s`;
				}

				from = owner.from;
			}

			break;
		}

		const complement = words.length > 0 && (token.cap || raw !== undefined) && /^(?:of|for|and|the)$/.test(tokens[index - 1]?.lower ?? '');
		if (token.kind !== 'word' || (!titleSingleWords.has(lower) && !titleHeads.has(lower) && !complement)) {
			break;
		}

		if (['and', 'of', 'for', 'to', 'the', 'in', 'on'].includes(lower) && words.length === 0) {
			break;
		}

		if (lower === 'the' && !['of', 'for'].includes(tokens[index - 1]?.lower ?? '')) {
			from = index + 1;
			break;
		}

		words.unshift(token.text);
		if (titleCores.has(lower) || lower === 'president-elect') {
			core ??= lower;
		}

		from = index;
		index--;
	}

	while (words.length > 0 && /^(?:and|of|for|to|the|in|on)$/i.test(words[0]!)) {
		words.shift();
		if (qualifierText === null) {
			from++;
		}
	}

	if (!core || words.length === 0) {
		return undefined;
	}

	return {from, role: composeRole(words.join(' '), qualifierText, country, core), country: nonAffiliationTitles.has(core) && !qualifierText?.endsWith('\'s') ? null : country};
}

function countryPhraseOf(raw: Raw): string {
	const country = countries.find((each) => each.code === raw.country);
	return country ? countryPhrase(country) : raw.name;
}

/** "French" + "President" → "President of France"; "U.S." + "envoy" → "US envoy". */
function composeRole(title: string, qualifier: string | null, countryCode: string | null, core: string): string {
	const normalized = title.replace(/\bPM\b/, 'Prime Minister').replace(/\s+/g, ' ').trim();
	const country = countries.find((each) => each.code === countryCode);
	const lowerTitle = normalized.toLowerCase();
	const officeTitle = leaderTitles.has(lowerTitle) || /\bminister\b|^president-elect$|^vice president$|^president$|^ambassador\b/.test(lowerTitle);
	let role: string;
	if (qualifier?.endsWith('\'s')) {
		role = `${qualifier} ${normalized}`;
	} else if (country && officeTitle && !/\bof\b/i.test(normalized) && (qualifier === null || countries.some((each) => each.code === countryCode && (each.name === qualifier || each.aliases.includes(qualifier) || each.demonyms.includes(qualifier))))) {
		role = `${capitalizeFirst(normalized)} of ${countryPhrase(country)}`;
	} else if (qualifier) {
		const shown = country && (qualifier === country.name || country.aliases.includes(qualifier)) ? shortCountry(country) : qualifier;
		role = `${shown} ${normalized}`;
	} else {
		role = normalized;
	}

	void core;
	return capitalizeFirst(role.replace(/\bU\.S\.(?=\s)/g, 'US').replace(/\bU\.K\.(?=\s)/g, 'UK'));
}

function capitalizeFirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** ", Head of the Office of the President of Ukraine," after a name: its role. */
function appositionAfter(tokens: readonly Token[], nameTo: number, found: readonly Raw[]): {role: string; country: string | null} | undefined {
	if (tokens[nameTo]?.text !== ',') {
		return undefined;
	}

	let end = nameTo + 1;
	while (end < tokens.length && tokens[end]!.text !== ',' && tokens[end]!.text !== '.' && tokens[end]!.text !== ';' && end - nameTo < 16) {
		end++;
	}

	const phrase = tokens.slice(nameTo + 1, end);
	if (phrase.length === 0 || phrase.length > 14) {
		return undefined;
	}

	// Starts with a title word, a qualifier or the possessive of someone: "U.S. President Donald Trump's special envoy".
	const firstTitle = phrase.findIndex((token) => titleCores.has(token.lower.replace(/\.$/, '')));
	if (firstTitle === -1 || phrase.some((token) => speechVerbs.has(token.lower) && token.lower !== 'head') || phrase.some((token) => token.lower === 'who' || token.lower === 'which')) {
		return undefined;
	}

	const possessive = phrase.findIndex((token) => token.kind === 'possessive');
	const startToken = phrase[0]!;
	if (!(startToken.cap || startToken.lower === 'the' || titleSingleWords.has(startToken.lower))) {
		return undefined;
	}

	let country: string | null = null;
	for (const raw of found) {
		if (raw.from > nameTo && raw.to <= end && raw.country && (raw.kind === 'country' || raw.kind === 'organization')) {
			country ??= raw.country;
		}
	}

	let role: string;
	if (possessive !== -1) {
		// The role is what follows the possessive, owned by the person before it.
		const owner = found.find((raw) => raw.from > nameTo && raw.to <= nameTo + 1 + possessive && (raw.kind === 'person' || raw.kind === 'pending'));
		const ownerName = owner?.name ?? phrase.slice(0, possessive).filter((token) => token.cap && !isTitleWord(token)).map((token) => token.text).slice(-2).join(' ');
		const rest = phrase.slice(possessive + 1).map((token) => token.text).join(' ');
		role = `${ownerName}'s ${rest}`;
		country = owner?.country ?? country;
	} else {
		role = phrase.map((token) => token.text).join(' ').replace(/\s+([’'])/g, '$1');
	}

	return {role: capitalizeFirst(role.replace(/^the\s+/i, '').replace(/\bU\.S\.(?=\s)/g, 'US')), country};
}

/** Role phrases and offices without a name. */
function rolePhraseAt(tokens: readonly Token[], index: number, unit: number, found: readonly Raw[], taken: readonly boolean[]): Raw | undefined {
	const token = tokens[index];
	if (!token || taken[index] && token.lower !== 'the') {
		// Possessive owners and qualifiers are taken; they are looked up below.
	}

	const base = {unit, qualifier: false, locative: false, signal: 2, role: null, country: null};

	// "<Person>'s office", "<Country>'s foreign ministry", "<Person>'s chief of staff".
	const owner = found.find((raw) => raw.to === index && (raw.kind === 'person' || raw.kind === 'pending' || raw.kind === 'country'));
	if (owner && token?.kind === 'possessive') {
		let end = index + 1;
		const words: string[] = [];
		while (end < tokens.length && tokens[end]!.kind === 'word' && !tokens[end]!.cap && words.length < 5) {
			words.push(tokens[end]!.lower);
			end++;
		}

		const phrase = words.join(' ');
		if (owner.kind === 'person' || owner.kind === 'pending') {
			if (words[0] === 'office' || words.join(' ') === 'press service' || words[0] === 'administration' || words[0] === 'team' || words[0] === 'spokesperson' && false) {
				return {...base, from: owner.from, to: index + 2, nameFrom: owner.from, nameTo: index + 2, kind: 'office', name: `${owner.name}'s ${words[0]}`, via: 'office', owner};
			}

			// "Zelensky's chief of staff" with no name after it.
			for (let length = Math.min(words.length, 4); length > 0; length--) {
				const candidate = words.slice(0, length).join(' ');
				if (personTitles.includes(candidate) && !tokens[index + 1 + length]?.cap) {
					return {...base, from: owner.from, to: index + 1 + length, nameFrom: owner.from, nameTo: index + 1 + length, kind: 'role', name: `${owner.name}'s ${candidate}`, via: 'role', roleWords: [candidate], owner};
				}
			}
		}

		if (owner.kind === 'country') {
			// "Ukraine's foreign minister": the person with that title and country.
			for (let length = Math.min(words.length, 3); length > 0; length--) {
				const candidate = words.slice(0, length).join(' ');
				if (personTitles.includes(candidate) && !governmentNouns.has(candidate) && !tokens[index + 1 + length]?.cap) {
					owner.qualifier = true;
					return {...base, from: owner.from, to: index + 1 + length, nameFrom: owner.from, nameTo: index + 1 + length, kind: 'role', name: textOf(tokens, owner.from, index + 1 + length), via: 'role', roleWords: [candidate], roleCountry: owner.country};
				}
			}

			for (let length = Math.min(words.length, 3); length > 0; length--) {
				const candidate = words.slice(0, length).join(' ');
				if (governmentNouns.has(candidate) || militaryNouns.has(candidate)) {
					owner.qualifier = true;
					const country = countries.find((each) => each.code === owner.country)!;
					const name = militaryNouns.has(candidate) ? `Armed Forces of ${countryPhrase(country)}` : `${titleCase(candidate)} of ${countryPhrase(country)}`;
					return {...base, from: owner.from, to: index + 1 + length, nameFrom: owner.from, nameTo: index + 1 + length, kind: 'organization', name, country: owner.country, via: 'name', roleWords: [textOf(tokens, owner.from, index + 1 + length)]};
				}
			}
		}

		return undefined;
	}

	// "the Ukrainian leader", "the Kremlin chief", "The President", "the French capital", "the French
	// presidency", "Ukrainian forces", "Kremlin spokesman" (no name after).
	let position = index;
	const hasThe = token?.lower === 'the';
	if (hasThe) {
		position++;
	}

	const qualifier = found.find((raw) => raw.from === position && (raw.via === 'demonym' || raw.kind === 'organization' || raw.kind === 'country'));
	let after = qualifier ? qualifier.to : position;
	const words: string[] = [];
	while (after < tokens.length && tokens[after]!.kind === 'word' && words.length < 3 && !taken[after] && (!tokens[after]!.cap || (hasThe && words.length === 0 && titleSingleWords.has(tokens[after]!.lower)))) {
		words.push(tokens[after]!.lower);
		after++;
	}

	if (words.length === 0 || (!qualifier && !hasThe)) {
		return undefined;
	}

	for (let length = words.length; length > 0; length--) {
		const phrase = words.slice(0, length).join(' ');
		const end = (qualifier ? qualifier.to : position) + length;
		if (tokens[end]?.cap && tokens[end]!.kind === 'word' && !capitalizedStopwords.has(tokens[end]!.text)) {
			continue;
		}

		if (phrase === 'capital' && qualifier?.country) {
			const country = countries.find((each) => each.code === qualifier.country);
			if (country?.capital) {
				qualifier.qualifier = true;
				return {...base, from: index, to: end, nameFrom: index, nameTo: end, kind: 'place', name: country.capital, country: country.code, via: 'role', locative: true};
			}
		}

		if (qualifier && qualifier.country && (governmentNouns.has(phrase) || militaryNouns.has(phrase))) {
			const country = countries.find((each) => each.code === qualifier.country);
			if (country) {
				qualifier.qualifier = true;
				const name = militaryNouns.has(phrase) ? `Armed Forces of ${countryPhrase(country)}` : phrase === 'presidency' ? `${demonymOf(country)} presidency` : `${titleCase(phrase)} of ${countryPhrase(country)}`;
				return {...base, from: hasThe ? index : qualifier.from, to: end, nameFrom: qualifier.from, nameTo: end, kind: 'organization', name, country: country.code, via: 'name', roleWords: [textOf(tokens, qualifier.from, end)]};
			}
		}

		if ((leaderWords.has(phrase) || personTitles.includes(phrase)) && (hasThe || qualifier?.kind === 'organization')) {
			if (qualifier) {
				qualifier.qualifier = true;
			}

			return {...base, from: index, to: end, nameFrom: index, nameTo: end, kind: 'role', name: textOf(tokens, index, end), via: 'role', roleWords: [phrase], roleCountry: qualifier?.country ?? null, organizationRole: qualifier?.kind === 'organization' ? qualifier.name : null};
		}
	}

	return undefined;
}

type KnownIndex = {
	byPersonKey: Map<string, KnownActor>;
	bySurname: Map<string, KnownActor[]>;
	byPlaceKey: Map<string, KnownActor>;
	byHandle: Map<string, KnownActor>;
};

const knownIndexCache = new WeakMap<object, KnownIndex>();

/** The dataset's actors by the keys an article's names are looked up with, built once per context. */
function indexOfKnown(context: ActorContext): KnownIndex {
	let index = knownIndexCache.get(context);
	if (index) {
		return index;
	}

	index = {byPersonKey: new Map(), bySurname: new Map(), byPlaceKey: new Map(), byHandle: new Map()};
	for (const actor of context.known) {
		for (const spelling of [actor.name, ...actor.aliases]) {
			if (spelling.startsWith('@')) {
				index.byHandle.set(spelling.toLowerCase(), actor);
			} else if (actor.kind === 'person') {
				if (!index.byPersonKey.has(personKey(spelling, context.lexicon))) {
					index.byPersonKey.set(personKey(spelling, context.lexicon), actor);
				}

				const surname = spelling.includes(' ') ? surnameKey(spelling, context.lexicon) : nameKey(spelling);
				const list = index.bySurname.get(surname) ?? [];
				if (!list.includes(actor)) {
					list.push(actor);
				}

				index.bySurname.set(surname, list);
			} else {
				const key = `${actor.kind}:${placeKey(spelling, context.lexicon)}`;
				if (!index.byPlaceKey.has(key)) {
					index.byPlaceKey.set(key, actor);
				}
			}
		}
	}

	knownIndexCache.set(context, index);
	return index;
}

type Cluster = {
	actor: LocalActor;
	/** Person keys: full name words. */
	words: string[];
};

function resolveArticle(raws: Raw[], unitTokens: readonly Token[][], units: readonly TextUnit[], context: ActorContext): ArticleActors {
	const {lexicon} = context;
	const actors = new Map<string, LocalActor>();
	const mentions: Mention[] = [];
	const clusters: Cluster[] = [];

	const tokenRange = (raw: Raw): Span => {
		const tokens = unitTokens[raw.unit]!;
		return {start: tokens[raw.from]!.start, end: tokens[raw.to - 1]!.end};
	};

	const surface = (raw: Raw): string => {
		const tokens = unitTokens[raw.unit]!;
		return textOf(tokens, raw.nameFrom, raw.nameTo);
	};

	const addActor = (key: string, kind: ActorKind, name: string, first: number): LocalActor => {
		let actor = actors.get(key);
		if (!actor) {
			actor = {key, kind, name, spellings: new Map(), role: null, country: null, known: null, first};
			actors.set(key, actor);
		}

		return actor;
	};

	const mention = (raw: Raw, actor: LocalActor, via: MentionVia, spelling: string | null): void => {
		const {start, end} = tokenRange(raw);
		const possessive = unitTokens[raw.unit]![raw.to]?.kind === 'possessive';
		mentions.push({key: actor.key, kind: actor.kind, start, end, unit: raw.unit, text: units[raw.unit]!.text.slice(start - units[raw.unit]!.start, end - units[raw.unit]!.start), qualifier: raw.qualifier, locative: raw.locative, possessive, via});
		if (spelling) {
			actor.spellings.set(spelling, (actor.spellings.get(spelling) ?? 0) + 1);
		}
	};

	const knownIndex = indexOfKnown(context);
	const findKnownPerson = (name: string): KnownActor | undefined => knownIndex.byPersonKey.get(personKey(name, lexicon));

	// People with full names first: they are what surnames resolve to.
	const personCluster = (name: string, first: number): Cluster => {
		const words = personKeyWords(name, lexicon);
		const key = words.join(' ');
		let cluster = clusters.find((each) => each.words.join(' ') === key
			|| (each.words.length >= 2 && words.length >= 2 && each.words.at(-1) === words.at(-1) && compatibleGiven(each.words[0]!, words[0]!)));
		if (!cluster) {
			const known = findKnownPerson(name);
			const clusterKey = `person:${known ? personKey(known.name, lexicon) : key}`;
			const actor = addActor(clusterKey, 'person', known?.name ?? name, first);
			actor.known ??= known ?? null;
			cluster = {actor, words: known ? personKeyWords(known.name, lexicon) : words};
			clusters.push(cluster);
		}

		return cluster;
	};

	for (const raw of raws) {
		if (raw.kind === 'person') {
			const cluster = personCluster(raw.name, tokenRange(raw).start);
			if (raw.role && roleScore(raw.role, raw.country) > roleScore(cluster.actor.role, cluster.actor.country)) {
				cluster.actor.role = raw.role;
				cluster.actor.country = raw.country ?? cluster.actor.country;
			}

			if (raw.country && !cluster.actor.country) {
				cluster.actor.country = raw.country;
			}
		}
	}

	// Role phrases with a possessive owner need the owner's name; titles of known people help too.
	for (const cluster of clusters) {
		if (cluster.actor.known) {
			cluster.actor.role ??= cluster.actor.known.role;
			cluster.actor.country ??= cluster.actor.known.country;
		}
	}

	const bySurname = (word: string): Cluster[] => clusters.filter((cluster) => cluster.words.length >= 2 && cluster.words.at(-1) === word);
	const byGiven = (word: string): Cluster[] => clusters.filter((cluster) => cluster.words.length >= 2 && compatibleGiven(cluster.words[0]!, word));

	const resolveSingle = (name: string): Cluster | undefined => {
		const key = surnameKey(name, lexicon);
		const surnames = bySurname(key);
		if (surnames.length === 1) {
			return surnames[0];
		}

		const single = clusters.find((cluster) => cluster.words.length === 1 && cluster.words[0] === key);
		if (single) {
			return single;
		}

		const known = knownIndex.bySurname.get(key) ?? [];
		if (known.length === 1) {
			return personCluster(known[0]!.name, 0);
		}

		if (surnames.length === 0) {
			const given = byGiven(key);
			if (given.length === 1) {
				return given[0];
			}
		}

		return undefined;
	};

	// Persons whose mention is a single word that matches a full name's surname get that name.
	for (const raw of raws) {
		if (raw.kind === 'pending') {
			const cluster = resolveSingle(raw.name);
			if (cluster) {
				raw.kind = 'person';
				raw.via = clusters.some((each) => each.words.at(-1) === surnameKey(raw.name, lexicon)) ? 'surname' : 'given';
				(raw as {known?: KnownActor}).known = cluster.actor.known ?? undefined;
				if (raw.role && !cluster.actor.role) {
					cluster.actor.role = raw.role;
					cluster.actor.country ??= raw.country;
				}
			} else if (raw.locative && !raw.role) {
				raw.kind = 'place';
				raw.via = 'name';
			} else if (raw.signal >= 1 || raw.role) {
				// A person known by one name only in this article ("Putin"): kept; the merge joins it to
				// the full name when the dataset has one.
				raw.kind = 'person';
				raw.via = 'surname';
				const created = personCluster(raw.name, tokenRange(raw).start);
				if (raw.role && !created.actor.role) {
					created.actor.role = raw.role;
					created.actor.country ??= raw.country;
				}
			}
		}
	}

	const clusterOfName = (name: string): Cluster | undefined => {
		const words = personKeyWords(name, lexicon);
		if (words.length === 1) {
			return resolveSingle(name);
		}

		return clusters.find((each) => each.words.join(' ') === words.join(' ')
			|| (each.words.at(-1) === words.at(-1) && compatibleGiven(each.words[0]!, words[0]!)));
	};

	// Now every raw becomes a mention of an actor.
	for (const raw of raws) {
		const {start} = tokenRange(raw);
		switch (raw.kind) {
			case 'person': {
				const cluster = clusterOfName(raw.name) ?? personCluster(raw.name, start);
				mention(raw, cluster.actor, raw.via, surface(raw));
				break;
			}

			case 'country': {
				const actor = addActor(`country:${raw.country}`, 'country', raw.name, start);
				actor.country = raw.country;
				const spelling = surface(raw);
				mention(raw, actor, raw.via, raw.via === 'demonym' ? null : spelling);
				break;
			}

			case 'organization':
			case 'place': {
				const name = raw.kind === 'place' ? (context.lexicon.placeNames.get(placeKey(raw.name, lexicon))?.[0] ?? raw.name) : raw.name;
				const known = raw.known ?? knownIndex.byPlaceKey.get(`${raw.kind}:${placeKey(name, lexicon)}`);
				const key = `${raw.kind}:${placeKey(stripPlaceAdjective(known?.name ?? name), lexicon)}`;
				const existing = actors.get(key);
				const actor = addActor(key, raw.kind, known?.name ?? name, start);
				actor.known ??= known ?? null;
				actor.country ??= raw.country ?? known?.country ?? null;
				actor.role ??= raw.organizationRole ?? known?.role ?? null;
				if (!existing && raw.kind === 'place' && name !== raw.name) {
					actor.spellings.set(name, 0);
				}

				mention(raw, actor, raw.via, raw.roleWords?.[0] ?? surface(raw));
				break;
			}

			case 'handle': {
				const words = handleWords(raw.name);
				const wordKeys = personKeyWords(words, lexicon);
				const cluster = clusters.find((each) => each.words.join(' ') === wordKeys.join(' '))
					?? clusters.find((each) => wordKeys.includes(each.words.at(-1)!) && each.words.length >= 2)
					?? clusters.find((each) => wordKeys.some((word) => word.length > 3 && each.words.at(-1)!.startsWith(word)))
					// "@SHrytsenko": the handle holds the surname.
					?? clusters.find((each) => each.words.length >= 2 && each.words.at(-1)!.length >= 5 && fold(raw.name.replace(/^@/, '')).replace(/\s/g, '').includes(fold(each.actor.name.split(' ').at(-1)!)));
				if (cluster) {
					mention(raw, cluster.actor, 'handle', raw.name);
				} else {
					const known = knownIndex.byHandle.get(raw.name.toLowerCase());
					if (known) {
						const key = known.kind === 'person' ? `person:${personKey(known.name, lexicon)}` : `${known.kind}:${placeKey(known.name, lexicon)}`;
						const actor = addActor(key, known.kind, known.name, start);
						actor.known = known;
						mention(raw, actor, 'handle', raw.name);
					}
				}

				break;
			}

			default:
		}
	}

	// Role phrases: "the Ukrainian leader" is the person of that country with a leader's title seen
	// in the article (or known); "Zelensky's chief of staff" the person whose role says so.
	const people = [...actors.values()].filter((actor) => actor.kind === 'person');
	const namedByUnit = new Map<number, Mention[]>();
	for (const each of mentions) {
		namedByUnit.set(each.unit, [...namedByUnit.get(each.unit) ?? [], each]);
	}

	for (const list of namedByUnit.values()) {
		list.sort((a, b) => a.start - b.start);
	}

	for (const raw of raws) {
		const {start} = tokenRange(raw);
		if (raw.kind === 'role') {
			const target = resolveRole(raw, people, namedByUnit, lexicon, raws, clusters);
			if (target) {
				mention(raw, target, 'role', null);
			}
		} else if (raw.kind === 'office') {
			const owner = raw.owner ? clusterOfName(raw.owner.name)?.actor : undefined;
			if (owner) {
				const country = countries.find((each) => each.code === owner.country);
				const presidency = country && owner.role && /^President of /.test(owner.role);
				const name = presidency ? `${demonymOf(country)} presidency` : `Office of ${owner.name}`;
				const actor = addActor(`organization:${placeKey(name, lexicon)}`, 'organization', name, start);
				actor.country ??= owner.country;
				actor.role ??= presidency ? `Office of the ${owner.role}` : null;
				mention(raw, actor, 'office', `${owner.spellings.size > 0 ? surnameOf(owner.name) : owner.name}'s office`);
			}
		}
	}

	mentions.sort((a, b) => a.start - b.start || b.end - a.end);
	const byUnit = new Map<number, Mention[]>();
	for (const each of mentions) {
		const list = byUnit.get(each.unit) ?? [];
		list.push(each);
		byUnit.set(each.unit, list);
	}

	// Display names: the most used Latin full spelling.
	for (const actor of actors.values()) {
		if (actor.kind === 'person' && !actor.known) {
			const spellings = [...actor.spellings.entries()].filter(([spelling]) => isLatin(spelling) && !spelling.startsWith('@'));
			const full = spellings.filter(([spelling]) => spelling.includes(' ') || spelling.includes('-'));
			const pool = full.length > 0 ? full : spellings;
			pool.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
			if (pool[0]) {
				actor.name = pool[0][0];
			}
		}
	}

	// "Zelensky's chief of staff" works for Zelensky's country.
	for (const actor of actors.values()) {
		const owner = actor.kind === 'person' && actor.country === null ? /^(.+?)['’]s /.exec(actor.role ?? '')?.[1] : undefined;
		if (owner) {
			const ownerKey = surnameKey(owner, lexicon);
			actor.country = [...actors.values()].find((each) => each.kind === 'person' && each !== actor && surnameKey(each.name, lexicon) === ownerKey)?.country ?? null;
		}
	}

	const used = new Set(mentions.map((each) => each.key));
	return {actors: [...actors.values()].filter((actor) => used.has(actor.key)), mentions, byUnit};
}

/** Prefers a role that names a country, then the longer one. */
function roleScore(role: string | null, country: string | null): number {
	if (role === null) {
		return -1;
	}

	return (country ? 2 : 0) + (/\bof\b|['’]s\b/.test(role) ? 1 : 0) + Math.min(role.length, 80) / 100;
}

/** "Elysee presidential palace" is the Elysee palace. */
export function stripPlaceAdjective(name: string): string {
	return name.replace(/\s(?:presidential|royal|national|central|main|old|new|grand|great)\s(?=\p{Ll}+$)/u, ' ');
}

function surnameOf(name: string): string {
	return name.split(' ').at(-1) ?? name;
}

function compatibleGiven(a: string, b: string): boolean {
	return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

function resolveRole(raw: Raw, people: LocalActor[], mentionsByUnit: ReadonlyMap<number, Mention[]>, lexicon: Lexicon, raws: readonly Raw[], clusters: readonly Cluster[]): LocalActor | undefined {
	const phrase = raw.roleWords?.[0] ?? '';
	if (raw.owner) {
		// "Zelensky's chief of staff": a person whose role names the owner's surname and the title.
		const ownerSurname = surnameKey(raw.owner.name, lexicon);
		return people.find((person) => person.role !== null && person.role.toLowerCase().includes(phrase)
			&& person.role.split(/['’]s /)[0]!.split(' ').some((word) => nameKey(word) === ownerSurname));
	}

	const matchesTitle = (person: LocalActor): boolean => {
		const role = (person.role ?? '').toLowerCase();
		if (leaderWords.has(phrase)) {
			return /^(?:president|prime minister|chancellor|premier|king|queen|supreme leader|emir)\b/.test(role) && !/president-elect|vice/.test(role);
		}

		return role.includes(phrase);
	};

	let candidates = people.filter(matchesTitle);
	if (raw.roleCountry) {
		const ofCountry = candidates.filter((person) => person.country === raw.roleCountry);
		// A title seen without its country ("President Ana Lungu") still fits when no one else does.
		const unknown = candidates.filter((person) => person.country === null);
		candidates = ofCountry.length > 0 ? ofCountry : unknown.length === 1 ? unknown : [];
	}

	if (raw.organizationRole && !leaderWords.has(phrase)) {
		candidates = candidates.filter((person) => (person.role ?? '').toLowerCase().includes(raw.organizationRole!.toLowerCase()) || (person.role ?? '').toLowerCase().includes(phrase));
	}

	if (candidates.length <= 1) {
		return candidates[0];
	}

	// Several fit ("the President"): the one named most recently, first in its sentence.
	const before: Mention[] = [];
	for (let unit = raw.unit - 6; unit < raw.unit; unit++) {
		for (const each of mentionsByUnit.get(unit) ?? []) {
			if (each.kind === 'person' && candidates.some((candidate) => candidate.key === each.key)) {
				before.push(each);
			}
		}
	}

	const lastUnit = before.at(-1)?.unit;
	const inLast = before.filter((each) => each.unit === lastUnit);
	const chosen = inLast[0] ?? before.at(-1);
	void raws;
	void clusters;
	return candidates.find((candidate) => candidate.key === chosen?.key) ?? candidates[0];
}
