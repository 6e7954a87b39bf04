import {type ParseError, parse as parseJsonc, printParseErrorCode} from 'jsonc-parser';
import type {z} from 'zod';
import type {ListName, RecordType} from './contract.js';
import {
	jsonPath, lineAndColumn, linkDataset, type LinkedDataset, type Locate, type Problem, type RecordLists, referenceProblems, type Result, subPath,
} from './linked.js';
import {
	ActorSchema, type Dataset, DatasetSchema, EventSchema, QuoteSchema, SourceSchema,
} from './schema.js';

/**
 * Validation with messages, by the zod schema: what `briefing validate` reports. The loader's fast
 * path (`check.ts`) decides alone only when everything is valid; otherwise this module is loaded
 * and words the problems. The linking and the types are in `linked.ts`, re-exported here.
 */

export {
	compareEvents, compareQuotes, countDataset, type DatasetCounts, formatProblem, jsonPath, lineAndColumn, linkDataset,
	type LinkedDataset, normalizeDataset, normalizeForMatch, type Problem, type Result,
} from './linked.js';

/** Parses JSON text, reporting a syntax error by line and column. A UTF-8 byte-order mark is allowed. */
export function parseJsonText(text: string, file: string): Result<unknown> {
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (body.trim() === '') {
		return {ok: false, problems: [{file, path: '', message: 'the file is empty; a dataset is a JSON object with version, sources, actors, events and quotes'}]};
	}

	try {
		return {ok: true, value: JSON.parse(body) as unknown};
	} catch {
		// JSON.parse names no position for many errors on Node 20; jsonc-parser locates the first one.
		const errors: ParseError[] = [];
		parseJsonc(body, errors, {allowTrailingComma: false, disallowComments: true});
		const first = errors[0];
		const offset = first?.offset ?? body.length;
		const {line, column} = lineAndColumn(body, offset);
		const reason = first ? (jsonErrorReasons[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)) : 'not valid JSON';
		return {ok: false, problems: [{file, path: `line ${line}, column ${column}`, message: `invalid JSON: ${reason}`}]};
	}
}

/** What a jsonc-parser error code means, in words. */
export function jsonErrorReason(code: string): string {
	return jsonErrorReasons[code] ?? code;
}

const jsonErrorReasons: Record<string, string> = {
	InvalidSymbol: 'unexpected character',
	InvalidNumberFormat: 'malformed number',
	PropertyNameExpected: 'expected a property name in double quotes (a trailing comma?)',
	ValueExpected: 'expected a value (a stray or trailing comma?)',
	ColonExpected: 'expected a colon after the property name',
	CommaExpected: 'expected a comma between items',
	CloseBraceExpected: 'expected } to close the object (the document ends too early?)',
	CloseBracketExpected: 'expected ] to close the array (the document ends too early?)',
	EndOfFileExpected: 'unexpected text after the end of the document',
	InvalidCommentToken: 'comments are not allowed in JSON',
	UnexpectedEndOfComment: 'comments are not allowed in JSON',
	UnexpectedEndOfString: 'a string is not closed',
	UnexpectedEndOfNumber: 'a number is cut off',
	InvalidUnicode: 'malformed \\u escape',
	InvalidEscapeCharacter: 'invalid escape in a string',
	InvalidCharacter: 'a control character inside a string must be escaped',
};

/** A value as messages name it: `the string "x"`, `number 2`, `an array`. */
export function describeValue(value: unknown): string {
	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'an array';
	}

	if (typeof value === 'string') {
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return `the string ${JSON.stringify(shown)}`;
	}

	if (typeof value === 'object') {
		return 'an object';
	}

	return `${typeof value} ${String(value)}`;
}

const expectedNames: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'an array',
	object: 'an object',
};

// zod's default messages name its internals ("expected int, received number"); these name the fix.
const errorMap: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type': {
			const expected = expectedNames[issue.expected] ?? issue.expected;
			if (issue.input === undefined) {
				return `is missing: add it (${expected})`;
			}

			return `must be ${expected}, not ${describeValue(issue.input)}`;
		}

		case 'invalid_value': {
			const options = issue.values.map((value) => JSON.stringify(value)).join(', ');
			if (issue.input === undefined) {
				return `is missing: add it (${issue.values.length === 1 ? options : `one of ${options}`})`;
			}

			return issue.values.length === 1
				? `must be ${options}, not ${describeValue(issue.input)}`
				: `must be one of ${options}, not ${describeValue(issue.input)}`;
		}

		case 'too_small': {
			return issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}`;
		}

		default: {
			return undefined;
		}
	}
};

function schemaProblems(value: unknown, file: string): {problems: Problem[]; dataset: Dataset | undefined} {
	const result = DatasetSchema.safeParse(value, {error: errorMap});
	if (result.success) {
		return {problems: [], dataset: result.data};
	}

	const problems: Problem[] = [];
	for (const issue of result.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				problems.push({file, path: jsonPath([...issue.path, key]), message: `unknown field "${key}": remove it or check its spelling`});
			}
		} else {
			problems.push({file, path: jsonPath(issue.path), message: issue.message});
		}
	}

	return {problems, dataset: undefined};
}

/** Validates a parsed JSON value against the contract, reporting every problem at once. */
export function validateDataset(value: unknown, file: string): Result<Dataset> {
	const {problems, dataset} = schemaProblems(value, file);
	problems.push(...referenceProblems(documentLists(value), documentLocate(file)));
	if (problems.length > 0 || dataset === undefined) {
		return {ok: false, problems};
	}

	return {ok: true, value: dataset};
}

/** Parses, validates and links JSON text in one step. */
export function loadDatasetText(text: string, file: string): Result<LinkedDataset> {
	const parsed = parseJsonText(text, file);
	if (!parsed.ok) {
		return parsed;
	}

	const validated = validateDataset(parsed.value, file);
	return validated.ok ? {ok: true, value: linkDataset(validated.value)} : validated;
}

/** The four lists of a parsed document, whatever it holds. */
export function documentLists(root: unknown): RecordLists {
	const list = (key: ListName): unknown[] => {
		const value = typeof root === 'object' && root !== null ? (root as Record<string, unknown>)[key] : undefined;
		return Array.isArray(value) ? value : [];
	};

	return {sources: list('sources'), actors: list('actors'), events: list('events'), quotes: list('quotes')};
}

/** Records of one document are placed by their JSON path: `events[12]`. */
export function documentLocate(file: string): Locate {
	return (list, index) => ({file, path: `${list}[${index}]`});
}

const recordSchemas = {source: SourceSchema, actor: ActorSchema, event: EventSchema, quote: QuoteSchema} as const;

/**
 * Validates one record by the schema; problems are placed under `path` (`events[12]`, `line 40`).
 * Returns the record as the schema outputs it (with defaults), or undefined when it is invalid.
 */
export function recordProblems(type: RecordType, value: unknown, file: string, path: string, problems: Problem[]): unknown {
	const result = recordSchemas[type].safeParse(value, {error: errorMap});
	if (result.success) {
		return result.data;
	}

	const place = (inner: ReadonlyArray<PropertyKey>): string => subPath(path, jsonPath(inner));
	for (const issue of result.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				problems.push({file, path: place([...issue.path, key]), message: `unknown field "${key}": remove it or check its spelling`});
			}
		} else {
			problems.push({file, path: place(issue.path), message: issue.message});
		}
	}

	return undefined;
}
