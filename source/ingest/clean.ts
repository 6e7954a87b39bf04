/**
 * Stage 1: from the text of a file to the blocks of the article, with its metadata. Nothing is
 * copied or rewritten: every block is a range of the original text, so that whatever later stages
 * find can be cited at its offsets in the file. Page furniture (navigation, share bars, newsletter
 * prompts, "News Feed" sidebars, photo credits) is left out of the blocks and listed in `dropped`.
 */

import {findDates, type DayNumber, dayOf} from './dates.js';
import {knownOrganizations} from './lexicon.js';

export type BlockKind =
	/** The headline. */
	| 'title'
	/** A subheading inside the article: no sentence, no quote, but it ends a run of quoted paragraphs. */
	| 'heading'
	/** A paragraph of article text. */
	| 'paragraph'
	/** A photo caption, without its credit: read for names and dated events, never for quotes. */
	| 'caption';

export type Block = {
	readonly kind: BlockKind;
	/** Offsets in the original text; `text` is exactly `original.slice(start, end)`. */
	readonly start: number;
	readonly end: number;
	readonly text: string;
	/** Blank lines between this block and the previous one. */
	readonly gap: number;
};

export type Metadata = {
	title: string | null;
	/** EDTF day, or null when the article carries no date. Never today's date. */
	published: string | null;
	/** Where the date came from, for the report: `header`, `front matter`, `byline`, `dateline`. */
	publishedFrom: string | null;
	author: string | null;
	outlet: string | null;
	url: string | null;
	lang: string;
};

export type Dropped = {readonly start: number; readonly end: number; readonly reason: string};

export type Cleaned = {
	readonly metadata: Metadata;
	readonly blocks: readonly Block[];
	readonly dropped: readonly Dropped[];
	/** A place named alone at the top (`PARIS`), the dateline. */
	readonly dateline: string | null;
};

type Line = {start: number; end: number; text: string};

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end === -1) {
			end = text.length;
		}

		const contentEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
		lines.push({start, end: contentEnd, text: text.slice(start, contentEnd)});
		start = end + 1;
	}

	return lines;
}

/** Trims a range to its first and last non-space characters. */
function trimRange(text: string, start: number, end: number): [number, number] {
	while (start < end && /\s/.test(text[start]!)) {
		start++;
	}

	while (end > start && /\s/.test(text[end - 1]!)) {
		end--;
	}

	return [start, end];
}

const furnitureLine = new RegExp('^(?:'
	+ [
		'skip to (?:main )?content', 'edit post', 'share(?: this)?(?: article| story| post)?(?: on \\w+)?', 'tweet', 'print',
		'e-?mail', 'copy link', 'copied', 'subscribe(?: now)?', 'sign up(?: now)?', 'sign in', 'log ?in', 'log ?out',
		'register', 'menu', 'search', 'close', 'advertisement', 'ad', 'sponsored(?: content)?', 'read more',
		'continue reading', 'show more', 'load more', 'see more', 'view comments', 'comments?', '\\d+ comments?',
		'\\d+ min(?:ute)?s? read', 'listen(?: to (?:this )?(?:article|story))?', 'this audio is (?:created|generated).*',
		'follow us.*', 'follow .* on (?:x|twitter|telegram|facebook|instagram).*', 'enter your e-?mail.*',
		'please,? enter .*', '\\* ?indicates required', 'successfu?l+y subscribed.*', 'thank you for (?:signing up|subscribing).*',
		'we[\'’]ve sent you .*', 'you have been subscribed.*', 'cookies?(?: settings| policy)?', 'accept(?: all)?(?: cookies)?',
		'all rights reserved.*', 'copyright .*', '© .*', 'back to top', 'home', 'newsletters?', 'get the newsletter.*',
		'support (?:us|our journalism).*', 'donate(?: now)?', 'become a (?:member|patron|subscriber).*', 'explaining .* with .*',
		'(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|messenger)(?:[ ,|·•]+(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|messenger))+',
		'\\d{1,2}:\\d{2}(?: ?[ap]\\.?m\\.?)?', 'advertisement - scroll to continue', 'story continues below.*', 'related:?',
		'tags?:.*', 'topics?:.*', 'filed under:?.*', 'photo', 'video', 'image', 'gallery', 'open in app', 'download (?:the )?app.*',
	].join('|')
	+ ')$', 'i');

/** A share bar: "Share on Facebook | Twitter | Email", "Follow us on Telegram". */
const shareBar = /^(?:share|follow(?: us)?|subscribe|join us)\b(?=.*\b(?:facebook|twitter|x|telegram|whatsapp|linkedin|e-?mail|instagram|youtube|viber|reddit)\b)[^.!?]{0,80}$/i;

/** A heading that starts a sidebar or a list of other stories: everything after it is furniture. */
const sidebarHeading = /^(?:news ?feed|more news|more stories|more from .*|most read|most popular|popular(?: now| stories)?|latest news|latest stories|latest|related(?: articles| stories| news| content| posts)?|recommended(?: for you| stories)?|editors['’]? picks?|trending(?: now| stories)?|you (?:may|might) also like|top stories|in other news|what to read next|read next|more on this (?:story|topic)|also read|read also|see also|further reading)$/i;

/** One line pointing to another story, kept out of the text: "Read also: ...", "READ MORE: ...". */
const teaserLine = /^(?:read (?:also|more|next)|see also|also read|related|more|watch|listen|opinion|analysis)\s*[:|»>-]\s*\S/i;

/** Photo credits inside a caption; the caption ends where the credit starts. */
const creditPattern = /\s*(?:\((?=[^)]*(?:Getty|Photo|Image|AFP|AP\b|Reuters|Corbis|Shutterstock|EPA|Anadolu|Pool|via|Credit|NurPhoto|Sipa|Bloomberg|DPA|Alamy))[^)]*\)|(?:Photo(?:graph)?s?|Images?|Picture|Credit|Source|Foto)(?: credit)?\s*:\s.*|\bPhoto by\b.*|[|/]\s*(?:Getty Images|AFP|AP|Reuters|EPA)\b.*)\s*$/;

/** Position markers of people in a photo: "(L)", "(3R)", "(centre)". */
const positionMarker = /\((?:\d?[LRC]|left|right|cent(?:er|re)|front|back|[1-9](?:st|nd|rd|th) [LR])\)/i;

const headerLine = /^\s*(date|published|updated|title|headline|source|url|link|author|byline|by|outlet|publisher|publication|site|lang|language)\s*(?::\s*|\s+)(.*)$/i;

/** A date written as a header value: ISO, `17.04.2025` or anything the date layer reads absolutely. */
function parseHeaderDate(value: string): {day: DayNumber; length: number} | undefined {
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/.exec(value);
	if (iso) {
		const day = dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
		return day === undefined ? undefined : {day, length: iso[0].length};
	}

	const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:,? \d{1,2}:\d{2})?/.exec(value);
	if (dotted) {
		const day = dayOf(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
		return day === undefined ? undefined : {day, length: dotted[0].length};
	}

	const found = findDates(value, {published: null, floor: null}).find((mention) => mention.absolute && mention.precision === 'day' && mention.start <= 12);
	return found?.day === undefined ? undefined : {day: found.day, length: found.end};
}

function isoDay(day: DayNumber): string {
	return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const outletHosts: Record<string, string> = {
	'reuters.com': 'Reuters', 'apnews.com': 'Associated Press', 'bbc.com': 'BBC', 'bbc.co.uk': 'BBC', 'cnn.com': 'CNN',
	'nytimes.com': 'The New York Times', 'washingtonpost.com': 'The Washington Post', 'theguardian.com': 'The Guardian',
	'ft.com': 'Financial Times', 'wsj.com': 'The Wall Street Journal', 'bloomberg.com': 'Bloomberg', 'politico.com': 'Politico',
	'politico.eu': 'Politico', 'kyivindependent.com': 'The Kyiv Independent', 'kyivpost.com': 'Kyiv Post', 'dw.com': 'DW',
	'france24.com': 'France 24', 'lemonde.fr': 'Le Monde', 'lefigaro.fr': 'Le Figaro', 'aljazeera.com': 'Al Jazeera',
	'euronews.com': 'Euronews', 'pravda.com.ua': 'Ukrainska Pravda', 'unn.ua': 'UNN', 'unn.com.ua': 'UNN', 'ukrinform.net': 'Ukrinform',
	'rferl.org': 'RFE/RL', 'foxnews.com': 'Fox News', 'nbcnews.com': 'NBC News', 'cbsnews.com': 'CBS News', 'axios.com': 'Axios',
	'spiegel.de': 'Der Spiegel', 'afp.com': 'AFP', 'tass.com': 'TASS', 'meduza.io': 'Meduza', 'economist.com': 'The Economist',
};

function outletOfUrl(url: string): string | null {
	const match = /^[a-z][a-z0-9+.-]*:\/\/(?:www\.|m\.|amp\.)?([^/:?#]+)/i.exec(url);
	if (!match) {
		return null;
	}

	const host = match[1]!.toLowerCase();
	for (const [suffix, name] of Object.entries(outletHosts)) {
		if (host === suffix || host.endsWith(`.${suffix}`)) {
			return name;
		}
	}

	return host;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** A line that reads as a headline or subheading: short, no sentence-final full stop. */
function isHeadingLike(text: string): boolean {
	const trimmed = text.trim().replace(/^#{1,6}\s+/, '');
	const words = wordCount(trimmed);
	return words >= 1 && words <= 22 && !/[.:;,]["”’»)]?$/.test(trimmed) && !/[.!?]["”’»)]?\s+["“‘«(]?\p{Lu}/u.test(trimmed) && !/\(@\w+\)/.test(trimmed) && /^["“‘'«(]?[\p{Lu}\p{N}]/u.test(trimmed) && trimmed.length <= 180;
}

/** A line in capitals that names a place: the dateline (`PARIS`, `KYIV, Ukraine`). */
const datelinePattern = /^([\p{Lu}][\p{Lu}\p{M} .'’-]{1,40})(?:,\s*[\p{L} .]{2,30})?\s*(?:\((?:AFP|AP|Reuters|UNN|dpa|Xinhua)\))?\s*[-—–]?$/u;

const bylineName = String.raw`(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Updated|Published|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)\p{Lu}[\p{L}\p{M}'’.-]+`;
const bylinePattern = new RegExp(String.raw`^(?:[Bb]y|BY|[Ww]ritten by|[Aa]uthor:?|[Ww]ords by)\s+(${bylineName}(?:\s+(?:${bylineName}|de|van|von|der|da|di|du|la|le|bin|al)){0,3}(?:\s*(?:,|and|&)\s*${bylineName}(?:\s+${bylineName}){0,3})*)(.*)$`, 'u');

/** Reads the first lines of an article for metadata, then sorts the rest into blocks. */
export function cleanArticle(text: string): Cleaned {
	const lines = splitLines(text);
	const metadata: Metadata = {title: null, published: null, publishedFrom: null, author: null, outlet: null, url: null, lang: 'en'};
	const dropped: Dropped[] = [];
	let dateline: string | null = null;
	// Content pieces of lines, before grouping into blocks.
	type Piece = {start: number; end: number; gap: number; header: boolean};
	const pieces: Piece[] = [];

	let index = 0;
	// YAML front matter.
	if (lines[0]?.text.trim() === '---') {
		const close = lines.findIndex((line, position) => position > 0 && position < 200 && /^(?:---|\.\.\.)\s*$/.test(line.text));
		if (close > 0) {
			for (const line of lines.slice(1, close)) {
				readHeader(line.text.replace(/^(\w[\w -]*):\s*/, '$1: '), metadata, 'front matter');
			}

			dropped.push({start: lines[0].start, end: lines[close]!.end, reason: 'front matter'});
			index = close + 1;
		}
	}

	// Header lines at the top: ` date 2025-04-17 ...`, `title: ...`, `source: URL`.
	let headerLines = 0;
	for (; index < lines.length && headerLines < 12; index++) {
		const line = lines[index]!;
		if (line.text.trim() === '') {
			continue;
		}

		const match = headerLine.exec(line.text);
		if (!match) {
			break;
		}

		const key = match[1]!.toLowerCase();
		const valueStart = line.start + match[0].length - match[2]!.length;
		if (key === 'date' || key === 'published' || key === 'updated') {
			const date = parseHeaderDate(match[2]!);
			if (!date) {
				break;
			}

			if (metadata.published === null && key !== 'updated') {
				metadata.published = isoDay(date.day);
				metadata.publishedFrom = 'header';
			}

			dropped.push({start: line.start, end: valueStart + date.length, reason: 'header'});
			// The rest of the line is content (`date 2025-04-17 Headline or lede...`).
			const [start, end] = trimRange(text, valueStart + date.length, line.end);
			headerLines++;
			if (start < end) {
				pieces.push({start, end, gap: 0, header: true});
				index++;
				break;
			}

			continue;
		}

		if ((key === 'by' || key === 'byline') && !/^[\p{Lu}]/u.test(match[2]!)) {
			break;
		}

		if (key === 'source' && !/^https?:\/\//i.test(match[2]!) && wordCount(match[2]!) > 4) {
			break;
		}

		if (key !== 'by' && !line.text.includes(':') && !/^\s/.test(line.text)) {
			// `Title Case Words` that merely start with a header word are a headline, not a header.
			break;
		}

		if (key === 'by') {
			break;
		}

		readHeader(`${key}: ${match[2]!}`, metadata, 'header');
		dropped.push({start: line.start, end: line.end, reason: 'header'});
		headerLines++;
	}

	// Every other non-empty line is a piece, with the number of blank lines before it.
	let gap = 0;
	for (; index < lines.length; index++) {
		const line = lines[index]!;
		if (line.text.trim() === '') {
			gap++;
			continue;
		}

		const [start, end] = trimRange(text, line.start, line.end);
		pieces.push({start, end, gap, header: false});
		gap = 0;
	}

	// Hard-wrapped text (Markdown, e-mail): lines of similar length joined into paragraphs.
	const lengths = pieces.map((piece) => piece.end - piece.start).filter((length) => length > 20).sort((a, b) => a - b);
	const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
	const wrapped = lengths.length >= 6 && median >= 50 && median <= 100 && (lengths.at(-1) ?? 0) <= 110;
	const joined: Piece[] = [];
	for (const piece of pieces) {
		const previous = joined.at(-1);
		const pieceText = text.slice(piece.start, piece.end);
		const previousText = previous ? text.slice(previous.start, previous.end) : '';
		if (wrapped && previous && piece.gap === 0 && !previous.header && !/^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|!\[)/.test(pieceText)
			&& !/^(?:#{1,6}\s|!\[)/.test(previousText) && !/^https?:\/\/\S+$/.test(previousText)) {
			previous.end = piece.end;
		} else {
			joined.push({...piece});
		}
	}

	const blocks: Block[] = [];
	const usesBlankLines = joined.filter((piece) => piece.gap > 0).length >= Math.max(2, joined.length / 3);
	let bodySeen = false;
	for (let position = 0; position < joined.length; position++) {
		const piece = joined[position]!;
		const raw = text.slice(piece.start, piece.end);
		let start = piece.start;
		let end = piece.end;

		if (sidebarHeading.test(raw.replace(/^#{1,6}\s+/, '').trim())) {
			if (bodySeen) {
				dropped.push({start: piece.start, end: text.length, reason: `sidebar "${raw.trim()}" and what follows`});
				break;
			}

			dropped.push({start, end, reason: 'navigation'});
			continue;
		}

		if (furnitureLine.test(raw.trim()) || teaserLine.test(raw) || /^[-=_*·•|]{3,}$/.test(raw.trim()) || shareBar.test(raw.trim())) {
			dropped.push({start, end, reason: 'page furniture'});
			continue;
		}

		// Markdown images and bare links on their own line.
		if (/^!\[[^\]]*\]\([^)]*\)$/.test(raw) || /^https?:\/\/\S+$/.test(raw)) {
			if (/^https?:\/\//.test(raw) && metadata.url === null && !bodySeen) {
				metadata.url = raw;
				metadata.outlet ??= outletOfUrl(raw);
			}

			dropped.push({start, end, reason: 'link or image'});
			continue;
		}

		// Byline: `by Name Surname January 14, 2025 2:13 AM 2 min read`.
		const byline = bylinePattern.exec(raw);
		if (byline && !bodySeen && wordCount(raw) <= 20) {
			metadata.author ??= byline[1]!.trim();
			const date = findDates(byline[2] ?? '', {published: null, floor: null}).find((mention) => mention.absolute && mention.precision === 'day');
			if (date?.day !== undefined && metadata.published === null) {
				metadata.published = isoDay(date.day);
				metadata.publishedFrom = 'byline';
			}

			dropped.push({start, end, reason: 'byline'});
			continue;
		}

		// A date alone near the top: `January 14, 2025`, `17.04.2025 14:30`, `Published April 17, 2025`.
		if (!bodySeen && wordCount(raw) <= 10) {
			const bare = raw.replace(/^(?:published|updated|posted|date)(?: on)?:?\s*/i, '');
			const date = parseHeaderDate(bare);
			if (date && bare.slice(date.length).replace(/\b(?:\d{1,2}:\d{2}(?::\d{2})?|[AaPp]\.?[Mm]\.?|UTC|GMT|[A-Z]{3,4}|\d+ min(?:ute)?s? read|[|,·•-])\b/g, '').trim().length < 4) {
				if (metadata.published === null && !/^updated/i.test(raw)) {
					metadata.published = isoDay(date.day);
					metadata.publishedFrom = 'dateline';
				}

				dropped.push({start, end, reason: 'date line'});
				continue;
			}
		}

		// Dateline: a place in capitals on its own line.
		const datelineMatch = datelinePattern.exec(raw);
		if (datelineMatch && wordCount(raw) <= 4 && raw === raw.toUpperCase() && /\p{Lu}{3}/u.test(raw)) {
			dateline ??= datelineMatch[1]!.trim();
			dropped.push({start, end, reason: 'dateline'});
			continue;
		}

		// Markdown heading.
		const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(raw);
		if (heading) {
			const offset = raw.indexOf(heading[2]!);
			start = piece.start + offset;
			end = start + heading[2]!.length;
			if (metadata.title === null && !bodySeen && heading[1] === '#') {
				metadata.title = heading[2]!;
				blocks.push({kind: 'title', start, end, text: text.slice(start, end), gap: piece.gap});
			} else {
				blocks.push({kind: 'heading', start, end, text: text.slice(start, end), gap: piece.gap});
			}

			continue;
		}

		// Captions: a credit at the end or position markers; the credit is dropped.
		const credit = creditPattern.exec(raw);
		if (credit || positionMarker.test(raw)) {
			if (credit) {
				dropped.push({start: piece.start + credit.index, end, reason: 'photo credit'});
				end = piece.start + credit.index;
				[start, end] = trimRange(text, start, end);
			}

			if (start < end && wordCount(text.slice(start, end)) >= 3) {
				blocks.push({kind: 'caption', start, end, text: text.slice(start, end), gap: piece.gap});
			}

			continue;
		}

		const next = joined[position + 1];
		// A teaser card for another story: a headline line directly followed by one line of text,
		// where the article otherwise separates paragraphs with blank lines.
		if (bodySeen && usesBlankLines && piece.gap > 0 && next && next.gap === 0 && isHeadingLike(raw) && wordCount(raw) >= 5
			&& !isHeadingLike(text.slice(next.start, next.end)) && (joined[position + 2]?.gap ?? 1) > 0) {
			dropped.push({start: piece.start, end: next.end, reason: 'link to another story'});
			position++;
			continue;
		}

		if (isHeadingLike(raw)) {
			if (metadata.title === null && !bodySeen && wordCount(raw) >= 3) {
				metadata.title = raw.replace(/^#{1,6}\s+/, '');
				blocks.push({kind: 'title', start, end, text: raw, gap: piece.gap});
			} else {
				blocks.push({kind: 'heading', start, end, text: raw, gap: piece.gap});
			}

			continue;
		}

		bodySeen = true;
		blocks.push({kind: 'paragraph', start, end, text: raw, gap: piece.gap});
	}

	// The outlet, when the text names itself: "..., reports UNN." or "(Reuters) -" at the start.
	if (metadata.outlet === null) {
		const paragraphs = blocks.filter((block) => block.kind === 'paragraph').slice(0, 3);
		for (const block of paragraphs) {
			const reports = /(?:,|\.|^)\s*reports ([\p{Lu}][\p{L}\p{N}&.-]*(?: [\p{Lu}][\p{L}\p{N}&.-]*){0,3})\.?$/mu.exec(block.text)
				?? /\b(?:is|was) (?:reported|written|published) by (?:the )?([\p{Lu}][\p{L}\p{N}&.-]*(?: [\p{Lu}][\p{L}\p{N}&.-]*){0,3})\.?$/mu.exec(block.text)
				?? /^\(([\p{Lu}][\p{L}&.]+)\)\s*[-—–]/u.exec(block.text)
				?? /^[\p{Lu} ,]+\(([\p{Lu}][\p{L}&.]+)\)\s*[-—–]/u.exec(block.text);
			const outlet = reports?.[1]?.replace(/\.$/, '');
			if (outlet && isOutletName(outlet)) {
				metadata.outlet = outlet;
				break;
			}
		}
	}

	return {metadata, blocks, dropped, dateline};
}

function isOutletName(name: string): boolean {
	return /^[\p{Lu}\d&.-]{2,8}$/u.test(name) || knownOrganizations.some((organization) => organization.outlet && organization.name === name)
		|| /\b(?:Times|Post|News|Herald|Journal|Gazette|Tribune|Telegraph|Observer|Agency|Press|Daily|Review|Radio|TV|Television|Today|Independent|Pravda|Vedomosti|Izvestia)\b/.test(name);
}

function readHeader(line: string, metadata: Metadata, from: string): void {
	const match = /^\s*([\w -]+?)\s*:\s*(.*?)\s*$/.exec(line);
	if (!match) {
		return;
	}

	const key = match[1]!.toLowerCase();
	const value = match[2]!.replace(/^(["'])(.*)\1$/, '$2');
	if (value === '') {
		return;
	}

	switch (key) {
		case 'title':
		case 'headline': {
			metadata.title ??= value;
			break;
		}

		case 'date':
		case 'published':
		case 'pubdate':
		case 'date published': {
			const date = parseHeaderDate(value);
			if (date && metadata.published === null) {
				metadata.published = isoDay(date.day);
				metadata.publishedFrom = from;
			}

			break;
		}

		case 'source':
		case 'url':
		case 'link':
		case 'canonical': {
			if (/^https?:\/\//i.test(value)) {
				metadata.url ??= value;
				metadata.outlet ??= outletOfUrl(value);
			} else {
				metadata.outlet ??= value;
			}

			break;
		}

		case 'author':
		case 'byline':
		case 'by': {
			metadata.author ??= value.replace(/^by\s+/i, '');
			break;
		}

		case 'outlet':
		case 'publisher':
		case 'publication':
		case 'site': {
			metadata.outlet = value;
			break;
		}

		case 'lang':
		case 'language': {
			if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value)) {
				metadata.lang = value;
			}

			break;
		}

		default:
	}
}
