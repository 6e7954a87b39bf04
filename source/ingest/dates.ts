/**
 * Stage 3: dates in running text, resolved against the article's publication date with the tense
 * of the clause they stand in. Date libraries guess the year nearest to the reference date and
 * ignore tense; here a past verb never gives a future date ("met on Dec. 18" in a January article is
 * last December), a future one never gives a past date ("will meet on Thursday"), and a weekday is
 * the latest such day on or before publication unless the verb is future.
 *
 * Every mention keeps its offsets in the text it was found in, and says how it was read, so that
 * the events stage can decide status (`scheduled` when after publication) and precision.
 */

/** Days since 1970-01-01 (UTC). */
export type DayNumber = number;

export type Tense = 'past' | 'present' | 'future' | 'unknown';

export type DateContext = {
	/** Publication day of the article, or null when it has none. */
	readonly published: DayNumber | null;
	/**
	 * For undated articles: the last day of the latest date the article gives with its year. A date
	 * without a year is then read as the first such date after it, and marked uncertain.
	 */
	readonly floor: DayNumber | null;
};

export type DatePrecision = 'day' | 'month' | 'season' | 'year';

export type DateMention = {
	readonly start: number;
	readonly end: number;
	readonly text: string;
	/** The EDTF date, or null when it cannot be placed (a weekday in an undated article, "soon"). */
	readonly edtf: string | null;
	readonly precision: DatePrecision;
	/** The year is written out (or the date is ISO): it does not depend on the publication date. */
	readonly absolute: boolean;
	/** Set for day precision. */
	readonly day?: DayNumber;
	readonly earliest: DayNumber | null;
	readonly latest: DayNumber | null;
	/** The wording or the verb points to the future ("will", "next", "in the coming weeks"). */
	readonly future: boolean;
	readonly tense: Tense;
};

const monthIndex: Record<string, number> = {
	january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7,
	jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
	december: 12, dec: 12,
};

const weekdayIndex: Record<string, number> = {sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6};
const seasonCode: Record<string, number> = {spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24};
const seasonStartMonth: Record<number, number> = {21: 3, 22: 6, 23: 9, 24: 12};
const numberWords: Record<string, number> = {a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, several: 3, few: 3};

export function dayOf(year: number, month: number, day: number): DayNumber | undefined {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1 || year > 9999) {
		return undefined;
	}

	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(year);
	return Math.round(date.getTime() / 86_400_000);
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function ymd(day: DayNumber): {year: number; month: number; day: number} {
	const date = new Date(day * 86_400_000);
	return {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate()};
}

export function weekday(day: DayNumber): number {
	return (((day + 4) % 7) + 7) % 7;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `2025-04-17` as a day number, or undefined. */
export function parseIsoDay(text: string): DayNumber | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	return match ? dayOf(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

export function isoOfDay(day: DayNumber): string {
	const {year, month, day: date} = ymd(day);
	return `${pad(year, 4)}-${pad(month)}-${pad(date)}`;
}

const monthPattern = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const weekdayPattern = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const dayPattern = '([12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const yearPattern = '((?:19|20)\\d{2})';
const seasonPattern = '([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)';

type Rule = {readonly pattern: RegExp; readonly read: (match: RegExpExecArray) => Reading | undefined};

/** What a matched phrase says, before it is placed in time. */
type Reading =
	| {kind: 'day'; year: number | null; month: number; day: number; weekday?: number; relation?: 'last' | 'next' | 'this'}
	| {kind: 'month'; year: number | null; month: number; relation?: 'last' | 'next' | 'this'; approximate?: boolean}
	| {kind: 'season'; year: number | null; season: number; relation?: 'last' | 'next' | 'this'}
	| {kind: 'year'; year: number}
	| {kind: 'weekday'; weekday: number; relation?: 'last' | 'next' | 'this'}
	| {kind: 'offset'; days: number; precision: DatePrecision; approximate?: boolean; future?: boolean}
	| {kind: 'months-from-now'; months: number; approximate?: boolean; future?: boolean}
	| {kind: 'years-from-now'; years: number; future?: boolean}
	| {kind: 'week'; weeks: number}
	| {kind: 'vague-future'};

const month = (text: string): number => monthIndex[text.toLowerCase().replace('.', '')]!;
const relation = (text: string | undefined): 'last' | 'next' | 'this' | undefined => {
	const lower = text?.toLowerCase();
	return lower === 'last' || lower === 'past' || lower === 'previous' ? 'last' : lower === 'next' || lower === 'coming' ? 'next' : lower === 'this' ? 'this' : undefined;
};

const rules: readonly Rule[] = [
	// 2025-04-17
	{pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => ({kind: 'day', year: Number(m[1]), month: Number(m[2]), day: Number(m[3])})},
	// (next) Thursday, April 17(, 2025) | April 17(, 2025) | Jan. 13
	{
		pattern: new RegExp(`\\b(?:(?:(next|last|this)\\s+)?${weekdayPattern},?\\s+)?${monthPattern}\\s+${dayPattern}(?:,?\\s+${yearPattern})?(?![\\d:])\\b`, 'g'),
		read: (m) => ({kind: 'day', year: m[5] ? Number(m[5]) : null, month: month(m[3]!), day: Number(m[4]), weekday: m[2] ? weekdayIndex[m[2].toLowerCase()] : undefined}),
	},
	// (Thursday,) 17 April( 2025) | the 17th of April
	{
		pattern: new RegExp(`\\b(?:${weekdayPattern},?\\s+)?(?:the\\s+)?${dayPattern}\\s+(?:of\\s+)?${monthPattern}(?:,?\\s+${yearPattern})?\\b`, 'g'),
		read: (m) => ({kind: 'day', year: m[4] ? Number(m[4]) : null, month: month(m[3]!), day: Number(m[2]), weekday: m[1] ? weekdayIndex[m[1].toLowerCase()] : undefined}),
	},
	// 17.04.2025
	{pattern: /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/g, read: (m) => ({kind: 'day', year: Number(m[3]), month: Number(m[2]), day: Number(m[1])})},
	// (early|mid|late) April 2025 | February 2024 | April of 2025
	{
		pattern: new RegExp(`\\b(?:(early|mid|late|the end of|the beginning of|the start of)[- ]+)?${monthPattern}\\s+(?:of\\s+)?${yearPattern}\\b`, 'g'),
		read: (m) => ({kind: 'month', year: Number(m[3]), month: month(m[2]!)}),
	},
	// summer of 2022 | summer 2022
	{pattern: new RegExp(`\\b${seasonPattern}\\s+(?:of\\s+)?${yearPattern}\\b`, 'g'), read: (m) => ({kind: 'season', year: Number(m[2]), season: seasonCode[m[1]!.toLowerCase()]!})},
	// last/this/next summer
	{pattern: new RegExp(`\\b(last|this|next|past)\\s+${seasonPattern}\\b`, 'gi'), read: (m) => ({kind: 'season', year: null, season: seasonCode[m[2]!.toLowerCase()]!, relation: relation(m[1])})},
	// in the summer (no year)
	{pattern: new RegExp(`\\b(?:in|during|over|by|until|since)\\s+the\\s+${seasonPattern}\\b`, 'g'), read: (m) => ({kind: 'season', year: null, season: seasonCode[m[1]!.toLowerCase()]!})},
	// last/next/this Thursday (morning)
	{
		pattern: new RegExp(`\\b(last|next|this|past|coming)\\s+${weekdayPattern}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'gi'),
		read: (m) => /^[A-Z]/.test(m[2]!) ? {kind: 'weekday', weekday: weekdayIndex[m[2]!.toLowerCase()]!, relation: relation(m[1])} : undefined,
	},
	// on Thursday (morning) | Thursday's meeting
	{pattern: new RegExp(`\\b(?:on\\s+)?${weekdayPattern}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'g'), read: (m) => ({kind: 'weekday', weekday: weekdayIndex[m[1]!.toLowerCase()]!})},
	// today, yesterday, tomorrow, tonight, this morning, earlier today, mid-morning, overnight
	{
		pattern: /\b(earlier today|later today|today|tonight|this (?:morning|afternoon|evening)|mid-?morning|mid-?afternoon|yesterday(?: (?:morning|afternoon|evening))?|last night|overnight|tomorrow(?: (?:morning|afternoon|evening))?)\b/gi,
		read: (m) => {
			const word = m[1]!.toLowerCase();
			if (word.startsWith('yesterday') || word === 'last night') {
				return {kind: 'offset', days: -1, precision: 'day'};
			}

			if (word.startsWith('tomorrow')) {
				return {kind: 'offset', days: 1, precision: 'day', future: true};
			}

			return {kind: 'offset', days: 0, precision: 'day', approximate: word === 'overnight'};
		},
	},
	// last/this/next week, month, year; earlier this month
	{
		pattern: /\b(?:(earlier|later) )?(last|this|next|past|previous|coming) (week|month|year)\b/gi,
		read: (m) => {
			const which = relation(m[2]);
			const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
			const unit = m[3]!.toLowerCase();
			if (unit === 'week') {
				return {kind: 'week', weeks: step};
			}

			return unit === 'month' ? {kind: 'months-from-now', months: step, future: step > 0} : {kind: 'years-from-now', years: step, future: step > 0};
		},
	},
	// three days ago, two weeks ago, a year ago
	{
		pattern: /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few) (days?|weeks?|months?|years?) ago\b/gi,
		read: (m) => {
			const count = numberWords[m[1]!.toLowerCase()] ?? Number(m[1]);
			const unit = m[2]!.toLowerCase().replace(/s$/, '');
			const vague = /several|few/i.test(m[1]!);
			if (unit === 'day') {
				return {kind: 'offset', days: -count, precision: 'day', approximate: vague};
			}

			if (unit === 'week') {
				return {kind: 'offset', days: -7 * count, precision: 'day', approximate: true};
			}

			return unit === 'month' ? {kind: 'months-from-now', months: -count, approximate: vague} : {kind: 'years-from-now', years: -count};
		},
	},
	// in the coming days/weeks/months
	{
		pattern: /\b(?:in|over|within) the (?:coming|next|following) (?:few )?(days|weeks|months)\b/gi,
		read: (m) => m[1]!.toLowerCase() === 'months' ? {kind: 'vague-future'} : {kind: 'months-from-now', months: 0, approximate: true, future: true},
	},
	// in the near future, soon
	{pattern: /\b(?:in the near future|shortly|soon|at a later date|in due course)\b/gi, read: () => ({kind: 'vague-future'})},
	// (early|mid|late) April | in April | since February (no year)
	{
		pattern: new RegExp(`\\b(?:(in|since|from|by|until|till|through|during|of|last|this|next|early|mid|late|before|after|between|and|or)[- ]+)${monthPattern}(?![\\w.]*\\s+(?:\\d|of\\s+\\d))\\b`, 'g'),
		read: (m) => {
			const name = m[2]!;
			// Abbreviations stand only before a day, and "May" alone is too often the verb.
			if (!/^[A-Z]/.test(name) || (name.length <= 4 && name !== 'May' && name !== 'June' && name !== 'July')) {
				return undefined;
			}

			const rel = /^(last|this|next)$/i.test(m[1]!) ? relation(m[1]) : undefined;
			return {kind: 'month', year: null, month: month(name), relation: rel};
		},
	},
	// in 2019, since 2022, the 2022 invasion, 2019's campaign
	{
		pattern: new RegExp(`\\b(?:(?:in|since|from|by|until|till|through|during|of|before|after|early|mid|late|around|circa|year|the|end of|start of|beginning of)\\s+)${yearPattern}(?![\\d,.]\\d|%|\\s*(?:people|troops|soldiers|children|km|kilometers|miles|dollars|euros|tons|times|votes|cases|[-–]\\d))\\b`, 'gi'),
		read: (m) => ({kind: 'year', year: Number(m[1])}),
	},
];

/** Irregular past forms that often carry a date. */
export const irregularPast: ReadonlySet<string> = new Set((
	'was were had did met spoke said told took gave held made saw came went began brought thought left led won lost '
	+ 'sent struck became fell flew grew knew ran rose sat sold stood wrote broke chose drove fought found got heard '
	+ 'kept laid meant paid shot spent stole swore threw understood withdrew sought taught caught bought built felt '
	+ 'dealt drew forgot hung lent shook stuck swept tore undertook upheld overtook overran oversaw put'
).split(' '));

const notPast = new Set((
	'need needed speed red bed based united indeed seed feed breed shed proceed exceed succeed hundred interested '
	+ 'concerned detailed limited advanced armed skilled unified related dedicated sophisticated experienced '
	+ 'alleged so-called occupied wed led'
).split(' '));

const futurePattern = /\b(?:will|won['’]t|shall|['’]ll|is (?:set|due|expected|scheduled|slated|going|planned|poised|likely) to|are (?:set|due|expected|scheduled|slated|going|planned|poised|likely) to|(?:is|are) to (?:be|meet|visit|hold|sign|attend)|plans? to|intends? to|aims? to|to be held|upcoming|scheduled for|next|in the coming|in the near future|agreed to|expects? to|hopes? to|wants? to|would like to)\b/i;

const futureGlobal = new RegExp(futurePattern.source, 'gi');

/**
 * The tense of the verb that governs a range of a sentence: the nearest verb form within the clause
 * (a future marker, a past form, a present form), looking before the range first.
 */
export function tenseAround(sentence: string, start: number, end: number): Tense {
	const before = sentence.slice(0, start);
	const after = sentence.slice(end);
	const leftBoundary = Math.max(0, before.lastIndexOf(';') + 1, lastMatch(before, /[.!?]["”]?\s+(?=\S)/g), lastMatch(before, /,\s+(?:and|but|while|after|before|when|as|once|since|although|though|[\p{Lu}][\w.]*(?:\s[\p{Lu}][\w.]*)*\s(?:said|reported|says|reports))\s/gu));
	const rightMatch = /;|[.!?]["”]?\s|,\s+(?:and|but|while|after|before|when|as|once|since|although|though)\s|,\s+[\p{Lu}][\w.]*(?:\s[\p{Lu}][\w.]*)*\s(?:said|reported|says|reports)\b/u.exec(after);
	const clauseEnd = end + (rightMatch ? rightMatch.index : after.length);
	type Cue = {at: number; tense: Tense};
	const cues: Cue[] = [];
	const clause = sentence.slice(leftBoundary, clauseEnd);
	for (const match of clause.matchAll(futureGlobal)) {
		cues.push({at: leftBoundary + match.index, tense: 'future'});
	}

	for (const match of clause.matchAll(/[A-Za-z'’-]+/g)) {
		const word = match[0].toLowerCase();
		const at = leftBoundary + match.index;
		if (at >= start && at < end) {
			continue;
		}

		if (irregularPast.has(word) || (word.length > 4 && word.endsWith('ed') && !notPast.has(word))) {
			cues.push({at, tense: 'past'});
		} else if (/^(?:is|are|am|has|have|takes|meets|visits|holds|signs|begins|starts|opens|comes|goes|arrives|plans|says|warns)$/.test(word)) {
			cues.push({at, tense: 'present'});
		}
	}

	let best: Cue | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const cue of cues) {
		// Verbs before the date govern it more often than verbs after it.
		const distance = cue.at < start ? start - cue.at : (cue.at - end) * 1.5 + 4;
		if (distance < bestDistance) {
			best = cue;
			bestDistance = distance;
		}
	}

	return best?.tense ?? 'unknown';
}

function lastMatch(text: string, pattern: RegExp): number {
	let last = -1;
	for (const match of text.matchAll(pattern)) {
		last = match.index;
	}

	return last;
}

type Span = {start: number; end: number; reading: Reading; text: string};

const mayHoldDate = /\d|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b|day|night|\b(?:weeks?|months?|years?|ago|soon|future|coming|next|shortly|due course|later date|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|morning|afternoon|evening)\b/;

/** The date phrases of a text (a sentence), resolved against the context. */
export function findDates(text: string, context: DateContext): DateMention[] {
	// Most sentences name no date: one cheap test spares them the rules.
	if (!mayHoldDate.test(text)) {
		return [];
	}

	const spans: Span[] = [];
	for (const rule of rules) {
		rule.pattern.lastIndex = 0;
		for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
			const reading = rule.read(match);
			if (reading) {
				spans.push({start: match.index, end: match.index + match[0].length, reading, text: match[0]});
			}
		}
	}

	// Earlier rules are more specific: a later span overlapping a kept one is dropped.
	const kept: Span[] = [];
	for (const span of spans) {
		if (!kept.some((other) => span.start < other.end && other.start < span.end)) {
			kept.push(span);
		}
	}

	kept.sort((a, b) => a.start - b.start);
	const mentions: DateMention[] = [];
	for (const span of kept) {
		const tense = tenseAround(text, span.start, span.end);
		const mention = resolve(span, tense, context);
		if (mention) {
			mentions.push(mention);
		}
	}

	return mentions;
}

function mention(span: Span, tense: Tense, fields: {edtf: string | null; precision: DatePrecision; absolute?: boolean; day?: DayNumber; earliest: DayNumber | null; latest: DayNumber | null; future?: boolean}): DateMention {
	return {
		start: span.start,
		end: span.end,
		text: span.text,
		edtf: fields.edtf,
		precision: fields.precision,
		absolute: fields.absolute ?? false,
		day: fields.day,
		earliest: fields.earliest,
		latest: fields.latest,
		future: fields.future ?? tense === 'future',
		tense,
	};
}

function dayMention(span: Span, tense: Tense, day: DayNumber, qualifier: string, absolute: boolean, future?: boolean): DateMention {
	return mention(span, tense, {edtf: `${isoOfDay(day)}${qualifier}`, precision: 'day', absolute, day, earliest: day, latest: day, future});
}

function monthMention(span: Span, tense: Tense, year: number, monthNumber: number, qualifier: string, absolute: boolean, future?: boolean): DateMention {
	const first = dayOf(year, monthNumber, 1)!;
	const last = dayOf(year, monthNumber, daysInMonth(year, monthNumber))!;
	return mention(span, tense, {edtf: `${pad(year, 4)}-${pad(monthNumber)}${qualifier}`, precision: 'month', absolute, earliest: first, latest: last, future});
}

function seasonRange(year: number, season: number): [DayNumber, DayNumber] {
	const first = seasonStartMonth[season]!;
	const lastMonth = first + 2;
	const lastYear = lastMonth > 12 ? year + 1 : year;
	const lastMonthOfYear = lastMonth > 12 ? lastMonth - 12 : lastMonth;
	return [dayOf(year, first, 1)!, dayOf(lastYear, lastMonthOfYear, daysInMonth(lastYear, lastMonthOfYear))!];
}

/**
 * Picks the year of a date given without one. Past tense: the latest on or before the reference;
 * future: the earliest on or after; otherwise the nearest. `candidate(year)` gives the first day of
 * the date in that year and `end(year)` its last.
 */
function pickYear(reference: DayNumber, tense: Tense, relationWord: 'last' | 'next' | 'this' | undefined, start: (year: number) => DayNumber | undefined, end: (year: number) => DayNumber | undefined): number | undefined {
	const base = ymd(reference).year;
	const years = [base - 1, base, base + 1].filter((year) => start(year) !== undefined);
	if (relationWord === 'this') {
		return years.includes(base) ? base : undefined;
	}

	if (relationWord === 'last' || tense === 'past') {
		const past = years.filter((year) => start(year)! <= reference);
		// "last April" in an April article is the April before.
		const strict = relationWord === 'last' ? past.filter((year) => end(year)! < reference) : past;
		return strict.at(-1);
	}

	if (relationWord === 'next' || tense === 'future') {
		return years.find((year) => end(year)! >= reference && (relationWord !== 'next' || start(year)! > reference));
	}

	let best: number | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const year of years) {
		const first = start(year)!;
		const last = end(year)!;
		const distance = reference < first ? first - reference : reference > last ? reference - last : 0;
		// Ties go to the past: news reports more of what happened than of what will.
		if (distance < bestDistance) {
			best = year;
			bestDistance = distance;
		}
	}

	return best;
}

function resolve(span: Span, tense: Tense, context: DateContext): DateMention | undefined {
	const reading = span.reading;
	const published = context.published;
	// A year inferred across a year boundary, or from the floor of an undated article, is uncertain.
	const reference = published ?? context.floor;
	const inferredQualifier = (year: number): string => (published === null || ymd(published).year !== year ? '?' : '');

	switch (reading.kind) {
		case 'day': {
			if (reading.year !== null) {
				const day = dayOf(reading.year, reading.month, reading.day);
				return day === undefined ? undefined : dayMention(span, tense, day, '', true);
			}

			if (reference === null) {
				return mention(span, tense, {edtf: null, precision: 'day', earliest: null, latest: null});
			}

			const at = (year: number): DayNumber | undefined => dayOf(year, reading.month, reading.day);
			let year: number | undefined;
			if (published === null) {
				// Undated article: the first such day after the floor.
				year = [ymd(reference).year, ymd(reference).year + 1].find((candidate) => (at(candidate) ?? -Infinity) > reference);
			} else if (reading.weekday !== undefined) {
				// "Thursday, April 24": the year in which that day is that weekday, nearest first.
				const base = ymd(published).year;
				year = [base, base - 1, base + 1].find((candidate) => at(candidate) !== undefined && weekday(at(candidate)!) === reading.weekday);
			}

			year ??= pickYear(reference, tense, undefined, at, at);
			if (year === undefined) {
				return undefined;
			}

			return dayMention(span, tense, at(year)!, inferredQualifier(year), false);
		}

		case 'month': {
			if (reading.year !== null) {
				return monthMention(span, tense, reading.year, reading.month, '', true);
			}

			if (reference === null) {
				return mention(span, tense, {edtf: null, precision: 'month', earliest: null, latest: null});
			}

			const first = (year: number): DayNumber | undefined => dayOf(year, reading.month, 1);
			const last = (year: number): DayNumber | undefined => dayOf(year, reading.month, daysInMonth(year, reading.month));
			const year = published === null
				? [ymd(reference).year, ymd(reference).year + 1].find((candidate) => first(candidate)! > reference)
				: pickYear(reference, tense, reading.relation, first, last);
			return year === undefined ? undefined : monthMention(span, tense, year, reading.month, inferredQualifier(year), false);
		}

		case 'season': {
			if (reading.year !== null) {
				const [earliest, latest] = seasonRange(reading.year, reading.season);
				return mention(span, tense, {edtf: `${pad(reading.year, 4)}-${reading.season}`, precision: 'season', absolute: true, earliest, latest});
			}

			if (published === null) {
				return mention(span, tense, {edtf: null, precision: 'season', earliest: null, latest: null});
			}

			const year = pickYear(published, tense, reading.relation, (candidate) => seasonRange(candidate, reading.season)[0], (candidate) => seasonRange(candidate, reading.season)[1]);
			if (year === undefined) {
				return undefined;
			}

			const [earliest, latest] = seasonRange(year, reading.season);
			return mention(span, tense, {edtf: `${pad(year, 4)}-${reading.season}${inferredQualifier(year)}`, precision: 'season', earliest, latest});
		}

		case 'year': {
			const earliest = dayOf(reading.year, 1, 1)!;
			const latest = dayOf(reading.year, 12, 31)!;
			return mention(span, tense, {edtf: pad(reading.year, 4), precision: 'year', absolute: true, earliest, latest});
		}

		case 'weekday': {
			if (published === null) {
				return mention(span, tense, {edtf: null, precision: 'day', earliest: null, latest: null});
			}

			const today = weekday(published);
			const back = (today - reading.weekday + 7) % 7;
			const forward = (reading.weekday - today + 7) % 7;
			let day: DayNumber;
			if (reading.relation === 'last') {
				day = published - (back === 0 ? 7 : back);
			} else if (reading.relation === 'next') {
				day = published + (forward === 0 ? 7 : forward);
			} else if (tense === 'future' || reading.relation === 'this' && forward < back) {
				day = published + forward;
			} else {
				day = published - back;
			}

			return dayMention(span, tense, day, '', false, day > published || (tense === 'future' && day >= published));
		}

		case 'offset': {
			if (published === null) {
				return mention(span, tense, {edtf: null, precision: reading.precision, earliest: null, latest: null});
			}

			const day = published + reading.days;
			return dayMention(span, tense, day, reading.approximate ? '~' : '', false, reading.future);
		}

		case 'week': {
			if (published === null) {
				return mention(span, tense, {edtf: null, precision: 'month', earliest: null, latest: null});
			}

			// The week (Monday to Sunday) around the day a week from publication; EDTF has no weeks,
			// so it is given as its month when it lies in one, else approximately by its middle day.
			const centre = published + 7 * reading.weeks;
			const monday = centre - ((weekday(centre) + 6) % 7);
			const last = reading.weeks === 0 ? published : monday + 6;
			const first = ymd(monday);
			const end = ymd(last);
			if (first.month === end.month && first.year === end.year) {
				return monthMention(span, tense, first.year, first.month, '', false, reading.weeks > 0);
			}

			return dayMention(span, tense, centre, '~', false, reading.weeks > 0);
		}

		case 'months-from-now': {
			if (published === null) {
				return mention(span, tense, {edtf: null, precision: 'month', earliest: null, latest: null, future: reading.future});
			}

			const {year, month: currentMonth} = ymd(published);
			const index = year * 12 + (currentMonth - 1) + reading.months;
			return monthMention(span, tense, Math.floor(index / 12), (index % 12) + 1, reading.approximate ? '~' : '', false, reading.future);
		}

		case 'years-from-now': {
			if (published === null) {
				return mention(span, tense, {edtf: null, precision: 'year', earliest: null, latest: null, future: reading.future});
			}

			const year = ymd(published).year + reading.years;
			return mention(span, tense, {edtf: pad(year, 4), precision: 'year', earliest: dayOf(year, 1, 1)!, latest: dayOf(year, 12, 31)!, future: reading.future});
		}

		case 'vague-future': {
			return mention(span, tense, {edtf: null, precision: 'day', earliest: null, latest: null, future: true});
		}
	}
}

/** The last day of the latest date given with its year: the floor for reading an undated article. */
export function floorOf(texts: readonly string[]): DayNumber | null {
	let floor: DayNumber | null = null;
	for (const text of texts) {
		for (const found of findDates(text, {published: null, floor: null})) {
			if (found.absolute && found.latest !== null && (floor === null || found.latest > floor)) {
				floor = found.latest;
			}
		}
	}

	return floor;
}
