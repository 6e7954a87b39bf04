import {
	actorKinds, countryPattern, eventStatuses, type RecordType, slugPattern, tagPattern, textPattern,
} from './contract.js';
import {parseEdtf} from './edtf.js';

/**
 * The fast path of validation: a hand-written check of one record against the contract, some
 * twenty times faster than zod, and without loading it. It only ever says "certainly valid":
 * whatever it accepts, the zod schema accepts too, with the same output (the one default, a
 * source's `lang`, is filled in here). Anything it does not accept goes to zod, which decides and
 * words the problems, so the checker can be strict but never lenient. A property test holds it to
 * that (`tests/core/check.test.ts`).
 */

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): boolean {
	return typeof value === 'string' && textPattern.test(value);
}

function textOrNull(value: unknown): boolean {
	return value === null || text(value);
}

function id(value: unknown): boolean {
	return typeof value === 'string' && slugPattern.test(value);
}

function date(value: unknown): boolean {
	return value === null || (typeof value === 'string' && parseEdtf(value).ok);
}

function offset(value: unknown): boolean {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True when the object has exactly `count` own keys, all among `allowed`. */
function onlyKeys(value: Loose, allowed: ReadonlySet<string>, count: number): boolean {
	let seen = 0;
	for (const key in value) {
		if (!Object.hasOwn(value, key) || !allowed.has(key)) {
			return false;
		}

		seen++;
	}

	return seen === count;
}

const evidenceKeySet = new Set(['source', 'exact', 'start', 'end']);
const sourceKeySet = new Set(['id', 'title', 'outlet', 'author', 'published', 'url', 'file', 'lang']);
const actorKeySet = new Set(['id', 'name', 'kind', 'aliases', 'role', 'country']);
const eventKeySet = new Set(['id', 'date', 'status', 'title', 'summary', 'actors', 'location', 'tags', 'evidence']);
const quoteKeySet = new Set(['id', 'text', 'speaker', 'date', 'channel', 'event', 'partial', 'evidence']);
const kindSet = new Set<unknown>(actorKinds);
const statusSet = new Set<unknown>(eventStatuses);

function evidence(value: unknown): boolean {
	if (!isObject(value) || !onlyKeys(value, evidenceKeySet, 4)) {
		return false;
	}

	const {source, exact, start, end} = value;
	return id(source) && text(exact) && offset(start) && offset(end)
		&& (end as number) - (start as number) === (exact as string).length;
}

function checkSource(value: Loose): boolean {
	// `lang` may be left out: it is then "en", as the schema's default says.
	const hasLang = value.lang !== undefined;
	if (!onlyKeys(value, sourceKeySet, hasLang ? 8 : 7) || (Object.hasOwn(value, 'lang') && !hasLang)) {
		return false;
	}

	if (!(id(value.id) && textOrNull(value.title) && textOrNull(value.outlet) && textOrNull(value.author)
		&& date(value.published) && textOrNull(value.url) && textOrNull(value.file) && (!hasLang || text(value.lang)))) {
		return false;
	}

	if (!hasLang) {
		value.lang = 'en';
	}

	return true;
}

function checkActor(value: Loose): boolean {
	if (!onlyKeys(value, actorKeySet, 6) || !id(value.id) || !text(value.name) || !kindSet.has(value.kind)
		|| !textOrNull(value.role) || !(value.country === null || (typeof value.country === 'string' && countryPattern.test(value.country)))) {
		return false;
	}

	const {aliases} = value;
	if (!Array.isArray(aliases)) {
		return false;
	}

	for (const alias of aliases) {
		if (!text(alias)) {
			return false;
		}
	}

	return true;
}

function checkEvent(value: Loose): boolean {
	if (!onlyKeys(value, eventKeySet, 9) || !id(value.id) || !date(value.date) || !statusSet.has(value.status)
		|| !text(value.title) || !text(value.summary) || !textOrNull(value.location)) {
		return false;
	}

	const {actors, tags, evidence: list} = value;
	if (!Array.isArray(actors) || !Array.isArray(tags) || !Array.isArray(list) || list.length === 0) {
		return false;
	}

	for (const actor of actors) {
		if (!id(actor)) {
			return false;
		}
	}

	for (const tag of tags) {
		if (typeof tag !== 'string' || !tagPattern.test(tag)) {
			return false;
		}
	}

	for (const entry of list) {
		if (!evidence(entry)) {
			return false;
		}
	}

	return true;
}

function checkQuote(value: Loose): boolean {
	return onlyKeys(value, quoteKeySet, 8) && id(value.id) && text(value.text) && id(value.speaker) && date(value.date)
		&& textOrNull(value.channel) && (value.event === null || id(value.event)) && typeof value.partial === 'boolean'
		&& evidence(value.evidence);
}

const checks: Record<RecordType, (value: Loose) => boolean> = {
	source: checkSource,
	actor: checkActor,
	event: checkEvent,
	quote: checkQuote,
};

/**
 * True when `value` is certainly a valid record of the type (and then a source's missing `lang` is
 * set to "en" in place); false when zod must decide.
 */
export function checkRecord(type: RecordType, value: unknown): boolean {
	return isObject(value) && checks[type](value);
}
