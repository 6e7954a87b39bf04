import {readFileSync} from 'node:fs';
import {type ParseError, parse as parseJsonc, printParseErrorCode} from 'jsonc-parser';
import {type ListName, listNames, type RecordType, recordTypes} from '../core/contract.js';
import {describeValue as describe, jsonErrorReason, parseJsonText, recordProblems, validateDataset} from '../core/dataset.js';
import {type Locate, type Problem, referenceProblems, type Result} from '../core/linked.js';
import type {Dataset} from '../core/schema.js';
import {
	type DataLocation, decodeUtf8, failure, openPart, type Part, scanDocument, scanNdjson, type SyntaxFault, wholeDocumentBytes,
} from './records.js';

/**
 * The slow path of loading, taken only when the fast one is in doubt: the data is read again and
 * the zod schema decides, with a message for every problem. A document that can be read whole is
 * validated whole, as it always was; NDJSON, parts and very large documents record by record,
 * each problem placed by its file and line (NDJSON) or JSON path (documents).
 */

export function explainData(location: DataLocation): Result<Dataset> {
	const [only] = location.parts;
	if (!location.split && location.parts.length === 1 && only && only.size <= wholeDocumentBytes) {
		const {format, close} = openPart(only, location.stdin, undefined);
		close();
		if (format === 'json') {
			return explainDocument(only, location.stdin);
		}
	}

	return explainStreamed(location);
}

function explainDocument(part: Part, stdin: Buffer | undefined): Result<Dataset> {
	let bytes: Buffer;
	try {
		bytes = stdin ?? readFileSync(part.file);
	} catch (error) {
		return failure(part.file, `cannot read the dataset: ${error instanceof Error ? error.message : String(error)}`);
	}

	const text = decodeUtf8(bytes, part.file);
	if (!text.ok) {
		return text;
	}

	const parsed = parseJsonText(text.value, part.shown);
	return parsed.ok ? validateDataset(parsed.value, part.shown) : parsed;
}

/** Line and column (UTF-16 units, as editors count) of a byte offset of a part. */
function lineAndColumnOf(part: Part, stdin: Buffer | undefined, offset: number): {line: number; column: number} {
	const {window, close} = openPart(part, stdin, undefined);
	try {
		let line = 1;
		let lineStart: Buffer = Buffer.alloc(0);
		let consumed = 0;
		for (;;) {
			const limit = Math.min(window.end, offset - window.base);
			let from = consumed - window.base;
			for (let newline = window.buffer.indexOf(0x0A, from); newline !== -1 && newline < limit; newline = window.buffer.indexOf(0x0A, newline + 1)) {
				line++;
				from = newline + 1;
				lineStart = Buffer.alloc(0);
			}

			lineStart = Buffer.concat([lineStart, window.buffer.subarray(Math.max(0, from), Math.max(0, limit))]);
			if (offset - window.base <= window.end || !window.more(window.end)) {
				return {line, column: lineStart.toString('utf8').length + 1};
			}

			consumed = window.base;
		}
	} finally {
		close();
	}
}

/** The message for a syntax fault, and where in the faulty text it is (a character offset). */
function describeFault(fault: SyntaxFault): {message: string; within: number} {
	if (fault.reason === 'not valid UTF-8') {
		return {message: 'not valid UTF-8: save the file as UTF-8', within: 0};
	}

	if (fault.reason === 'empty') {
		return {message: 'the file is empty; a dataset is a JSON object with version, sources, actors, events and quotes', within: 0};
	}

	if (fault.reason === 'invalid JSON' && fault.text !== undefined) {
		const errors: ParseError[] = [];
		parseJsonc(fault.text, errors, {allowTrailingComma: false, disallowComments: true});
		const first = errors[0];
		return {message: `invalid JSON: ${first ? jsonErrorReason(printParseErrorCode(first.error)) : 'not valid JSON'}`, within: first?.offset ?? 0};
	}

	return {message: fault.reason.includes(' ') ? `invalid JSON: ${fault.reason}` : `invalid JSON: ${jsonErrorReason(fault.reason)}`, within: 0};
}

const typeNames = ['dataset', ...recordTypes].map((type) => `"${type}"`).join(', ');

function explainStreamed(location: DataLocation): Result<Dataset> {
	const problems: Problem[] = [];
	const lists: Record<ListName, unknown[]> = {sources: [], actors: [], events: [], quotes: []};
	const outputs: Record<ListName, unknown[]> = {sources: [], actors: [], events: [], quotes: []};
	// Where each record is: its part and its line (NDJSON) or position in its list (a document).
	const origins: Record<ListName, Array<{part: number; position: number; ndjson: boolean}>> = {sources: [], actors: [], events: [], quotes: []};
	for (const [partNumber, part] of location.parts.entries()) {
		const {window, format, close} = openPart(part, location.stdin, undefined);
		const file = part.shown;
		const at = (path: string, message: string): void => {
			problems.push({file, path, message});
		};

		const record = (type: RecordType, value: unknown, position: number): boolean => {
			const list = listNames[type];
			const ndjson = format === 'ndjson';
			lists[list].push(value);
			origins[list].push({part: partNumber, position, ndjson});
			outputs[list].push(recordProblems(type, value, file, ndjson ? `line ${position}` : `${list}[${position}]`, problems));
			return true;
		};

		const fault = (syntax: SyntaxFault): boolean => {
			const {message, within} = describeFault(syntax);
			const start = lineAndColumnOf(part, location.stdin, syntax.offset);
			// Within the faulty text, count its own lines.
			const before = syntax.text?.slice(0, within) ?? '';
			const lines = before.split('\n');
			const line = start.line + lines.length - 1;
			const column = lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + before.length;
			at(`line ${line}, column ${column}`, message);
			// NDJSON goes on with the next line; a document cannot.
			return format === 'ndjson';
		};

		try {
			if (format === 'ndjson') {
				scanNdjson(window, {
					record: ({type, value, position}) => record(type, value, position),
					topLevel: () => true,
					header: (value, line) => {
						if (value.version !== 1) {
							at(`line ${line}: version`, value.version === undefined ? 'is missing: add it (1)' : `must be 1, the only version of the format, not ${describe(value.version)}`);
						}

						for (const key of Object.keys(value).filter((key) => key !== 'type' && key !== 'version')) {
							at(`line ${line}: ${key}`, `unknown field "${key}": remove it or check its spelling`);
						}

						return true;
					},
					fault,
					untyped: (value, line) => {
						if (typeof value !== 'object' || value === null || Array.isArray(value)) {
							at(`line ${line}`, `must be an object with a "type", not ${describe(value)}`);
						} else {
							const {type} = value as {type?: unknown};
							at(`line ${line}: type`, type === undefined ? `is missing: add it (one of ${typeNames})` : `must be one of ${typeNames}, not ${describe(type)}`);
						}

						return true;
					},
				});
			} else {
				const keys = new Set<string>();
				scanDocument(window, {
					record: ({type, value, position}) => record(type, value, position),
					key: (key) => {
						keys.add(key);
					},
					topLevel: (key, value) => {
						if (key === '') {
							at('', `must be an object, not ${describe(value)}`);
						} else if (key === 'version') {
							if (value !== 1) {
								at('version', `must be 1, the only version of the format, not ${describe(value)}`);
							}
						} else if (Object.values(listNames).includes(key as ListName)) {
							at(key, `must be an array, not ${describe(value)}`);
						} else {
							at(key, `unknown field "${key}": remove it or check its spelling`);
						}

						return true;
					},
					header: () => true,
					fault,
					untyped: () => true,
				});
				if (problems.length === 0 || keys.size > 0) {
					if (!keys.has('version')) {
						at('version', 'is missing: add it (1)');
					}

					for (const list of location.split ? [] : Object.values(listNames)) {
						if (!keys.has(list)) {
							at(list, 'is missing: add it (an array)');
						}
					}
				}
			}
		} finally {
			close();
		}
	}

	const locate: Locate = (list, index) => {
		const origin = origins[list][index]!;
		const part = location.parts[origin.part]!;
		return {file: part.shown, path: origin.ndjson ? `line ${origin.position}` : `${list}[${origin.position}]`};
	};

	problems.push(...referenceProblems(lists, locate));
	if (problems.length > 0) {
		return {ok: false, problems};
	}

	return {ok: true, value: {version: 1, ...outputs} as Dataset};
}
