import {checkRecord} from '../core/check.js';
import {type ListName, listNames} from '../core/contract.js';
import {linkDataset, type LinkedDataset, linkIfConsistent, type Problem, type Result} from '../core/linked.js';
import type {Dataset} from '../core/schema.js';
import {
	bundledDataDirectory, type DataLocation, failure, locateData, maxDocumentBytes, newHash, openPart, type ReadRecord, scanDocument,
	scanNdjson, systemMessage,
} from './records.js';

/**
 * Loading a dataset quickly: records are streamed (see `records.ts`) and each is checked by the
 * fast checker (`core/check.ts`), and the references as the records are linked, without zod. When all
 * holds, that is the answer. When anything does not, or might not, `explain.ts` reads the data
 * again with the zod schema, which decides and words every problem; it is loaded only then.
 */

export type LoadedDataset = {
	readonly linked: LinkedDataset;
	/** SHA-256 of the bytes read: the key of the caches. */
	readonly hash: string;
	readonly bytes: number;
	readonly location: DataLocation;
};

export type LoadOptions = {
	/** Called as bytes are read, at most about a hundred times. */
	readonly onProgress?: (done: number, total: number) => void;
};

export type FastOutcome =
	| {readonly ok: true; readonly linked: LinkedDataset; readonly hash: string; readonly bytes: number}
	| {readonly ok: false; readonly problems: Problem[]}
	| {readonly ok: 'doubt'; readonly hash: string};

const documentKeys: readonly string[] = ['version', ...Object.values(listNames)];

/** Reads and checks the records; `doubt` when zod must look. */
export function readFast(location: DataLocation, options: LoadOptions = {}): FastOutcome {
	const hash = newHash();
	const lists: Record<ListName, unknown[]> = {sources: [], actors: [], events: [], quotes: []};
	const total = location.parts.reduce((sum, part) => sum + part.size, 0);
	let done = 0;
	let reported = -1;
	const onRead = options.onProgress
		? (bytes: number): void => {
			done += bytes;
			const step = Math.floor((done / Math.max(1, total)) * 100);
			if (step !== reported) {
				reported = step;
				options.onProgress!(done, total);
			}
		}
		: undefined;

	let doubt = false;
	const stop = (): boolean => {
		doubt = true;
		return false;
	};

	for (const part of location.parts) {
		let opened;
		try {
			opened = openPart(part, location.stdin, hash, onRead);
		} catch (error) {
			return failure(part.file, `cannot read the dataset: ${systemMessage(error)}`);
		}

		const {window, format, close} = opened;
		try {
			// Parts are told apart in the hash, so that moving a record between them changes it.
			hash.update(`\0${part.size}\0`);
			if (format === 'json' && part.size > maxDocumentBytes) {
				return failure(part.file, `the file is ${Math.round(part.size / 1024 / 1024)} MB, over the ${Math.round(maxDocumentBytes / 1024 / 1024)} MB limit for one JSON document: write it as NDJSON (briefing export --ndjson) or split it into several files`);
			}

			const keys = new Set<string>();
			const listener = {
				record: ({type, value}: ReadRecord) => {
					if (!checkRecord(type, value)) {
						return stop();
					}

					lists[listNames[type]].push(value);
					return true;
				},
				key: (key: string) => {
					keys.add(key);
				},
				topLevel: (key: string, value: unknown) => (key === 'version' && value === 1) || stop(),
				header: (value: Record<string, unknown>) => (value.version === 1 && Object.keys(value).length === 2) || stop(),
				fault: stop,
				untyped: stop,
			};
			const completed = format === 'json' ? scanDocument(window, listener) : scanNdjson(window, listener);
			if (!completed || doubt) {
				return {ok: 'doubt', hash: ''};
			}

			// A document names its version and, unless it is one part of several, every list.
			if (format === 'json' && ([...keys].some((key) => !documentKeys.includes(key)) || !keys.has('version')
				|| (!location.split && documentKeys.some((key) => !keys.has(key))))) {
				return {ok: 'doubt', hash: ''};
			}
		} catch (error) {
			return failure(part.file, `cannot read the dataset: ${systemMessage(error)}`);
		} finally {
			close();
		}
	}

	const linked = linkIfConsistent({version: 1, ...lists} as Dataset);
	if (!linked) {
		return {ok: 'doubt', hash: ''};
	}

	return {ok: true, linked, hash: hash.digest('hex'), bytes: total};
}

/** What `explain.ts` offers; loaded only when the fast path is in doubt. */
export type Explainer = {
	explainData: (location: DataLocation) => Result<Dataset>;
};

/** The hash of the bytes, when the fast path gave up before reading them all. */
function hashOf(location: DataLocation): string {
	const hash = newHash();
	for (const part of location.parts) {
		const {window, close} = openPart(part, location.stdin, hash);
		try {
			hash.update(`\0${part.size}\0`);
			while (window.more(window.end)) {
				// Reading is hashing.
			}
		} finally {
			close();
		}
	}

	return hash.digest('hex');
}

/** Loads with a given explainer: the common part of {@link loadDataset} and `readDataset`. */
export function loadWith(location: DataLocation, explainer: () => Explainer | Promise<Explainer>, options: LoadOptions = {}): Result<LoadedDataset> | Promise<Result<LoadedDataset>> {
	const fast = readFast(location, options);
	if (fast.ok === true) {
		return {ok: true, value: {linked: fast.linked, hash: fast.hash, bytes: fast.bytes, location}};
	}

	if (fast.ok === false) {
		return fast;
	}

	const finish = ({explainData}: Explainer): Result<LoadedDataset> => {
		const explained = explainData(location);
		if (!explained.ok) {
			return explained;
		}

		// The fast checker was stricter than the schema: what the schema accepts is loaded.
		const bytes = location.parts.reduce((sum, part) => sum + part.size, 0);
		return {ok: true, value: {linked: linkDataset(explained.value), hash: hashOf(location), bytes, location}};
	};

	const loaded = explainer();
	return loaded instanceof Promise ? loaded.then(finish) : finish(loaded);
}

/**
 * Reads, validates and links the dataset at `dataPath` (a folder, a file, or `-`): the commands'
 * way, which loads zod only when something is wrong.
 */
export async function loadDataset(dataPath: string = bundledDataDirectory, options: LoadOptions = {}): Promise<Result<LoadedDataset>> {
	const location = locateData(dataPath);
	if (!location.ok) {
		return location;
	}

	return loadWith(location.value, async () => import('./explain.js'), options);
}
