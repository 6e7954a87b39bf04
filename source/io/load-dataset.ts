import {checkRecord} from '../core/check.js';
import {type ListName, listNames} from '../core/contract.js';
import {linkDataset, type LinkedDataset, linkIfConsistent, type Problem, type Result} from '../core/linked.js';
import type {Dataset} from '../core/schema.js';
import {type CacheOptions, readSnapshot, snapshotFile, writeSnapshot} from './snapshot.js';
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
	/** Whether the dataset came from its snapshot, or one was written (or is to be, by `saveSnapshot`). */
	readonly snapshot: 'read' | 'written' | 'deferred' | 'none';
	/** Writes the snapshot when it was deferred; returns whether one was written. */
	readonly saveSnapshot: () => boolean;
};

export type LoadOptions = {
	/** Called as bytes are read, at most about a hundred times. */
	readonly onProgress?: (done: number, total: number) => void;
	/** Where snapshots are kept (see `snapshot.ts`); by default the cache folder. */
	readonly cache?: CacheOptions;
	/** Leave writing a new snapshot to `saveSnapshot` (the dashboard does it after its first frame). */
	readonly deferSnapshot?: boolean;
};

export type FastOutcome =
	| {readonly ok: true; readonly linked: LinkedDataset; readonly hash: string; readonly bytes: number}
	| {readonly ok: false; readonly problems: Problem[]}
	| {readonly ok: 'doubt'; readonly hash: string};

const documentKeys: readonly string[] = ['version', ...Object.values(listNames)];

/** Reads and checks the records; `doubt` when zod must look. The hash is made as they are read, unless known. */
export function readFast(location: DataLocation, options: LoadOptions = {}, knownHash?: string): FastOutcome {
	const hash = knownHash === undefined ? newHash() : undefined;
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
		// Parts are told apart in the hash, so that moving a record between them changes it.
		hash?.update(`\0${part.size}\0`);
		try {
			opened = openPart(part, location.stdin, hash, onRead);
		} catch (error) {
			return failure(part.file, `cannot read the dataset: ${systemMessage(error)}`);
		}

		const {window, format, close} = opened;
		try {
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

	return {ok: true, linked, hash: knownHash ?? hash!.digest('hex'), bytes: total};
}

/** What `explain.ts` offers; loaded only when the fast path is in doubt. */
export type Explainer = {
	explainData: (location: DataLocation) => Result<Dataset>;
};

/** Snapshots deferred and not written yet. */
const pending = new Set<() => boolean>();

/**
 * Writes the snapshots that loads deferred: the commands defer them so that their output does not
 * wait, and the CLI writes them once the command is done.
 */
export function savePendingSnapshots(): void {
	for (const save of [...pending]) {
		save();
	}
}

/** The SHA-256 of a dataset's bytes, as `readFast` makes it, in one pass of reading. */
export function hashOf(location: DataLocation, onProgress?: (done: number, total: number) => void): string {
	const hash = newHash();
	const total = location.parts.reduce((sum, part) => sum + part.size, 0);
	let done = 0;
	for (const part of location.parts) {
		hash.update(`\0${part.size}\0`);
		const {window, close} = openPart(part, location.stdin, hash, (bytes) => {
			done += bytes;
			onProgress?.(done, total);
		});
		try {
			while (window.more(window.end)) {
				// Reading is hashing.
			}
		} finally {
			close();
		}
	}

	return hash.digest('hex');
}

/**
 * Loads with a given explainer: the common part of {@link loadDataset} and `readDataset`. A large
 * dataset seen before comes from its snapshot (read after hashing the bytes, which it is keyed by);
 * otherwise the records are read and checked, and a snapshot is written for next time.
 */
export function loadWith(location: DataLocation, explainer: () => Explainer | Promise<Explainer>, options: LoadOptions = {}): Result<LoadedDataset> | Promise<Result<LoadedDataset>> {
	const bytes = location.parts.reduce((sum, part) => sum + part.size, 0);
	const cache = options.cache ?? {};
	let knownHash: string | undefined;
	if (snapshotFile('-', bytes, cache) !== undefined) {
		knownHash = hashOf(location, options.onProgress && ((done, total) => {
			options.onProgress!(done / 4, total);
		}));
		const linked = readSnapshot(knownHash, bytes, cache);
		if (linked) {
			options.onProgress?.(bytes, bytes);
			return {ok: true, value: {linked, hash: knownHash, bytes, location, snapshot: 'read', saveSnapshot: () => false}};
		}
	}

	const loaded = (linked: LinkedDataset, hash: string): Result<LoadedDataset> => {
		const possible = snapshotFile(hash, bytes, cache) !== undefined;
		let saved = false;
		const saveSnapshot = (): boolean => {
			pending.delete(saveSnapshot);
			if (!possible || saved) {
				return false;
			}

			saved = writeSnapshot(hash, bytes, linked, cache);
			return saved;
		};

		if (possible && !options.deferSnapshot) {
			saveSnapshot();
		} else if (possible) {
			pending.add(saveSnapshot);
		}

		return {ok: true, value: {linked, hash, bytes, location, snapshot: possible ? (options.deferSnapshot ? 'deferred' : saved ? 'written' : 'none') : 'none', saveSnapshot}};
	};

	const progress = knownHash !== undefined && options.onProgress
		? {...options, onProgress: (done: number, total: number) => options.onProgress!((total / 4) + ((done * 3) / 4), total)}
		: options;
	const fast = readFast(location, progress, knownHash);
	if (fast.ok === true) {
		return loaded(fast.linked, fast.hash);
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
		return loaded(linkDataset(explained.value), knownHash ?? hashOf(location));
	};

	const explaining = explainer();
	return explaining instanceof Promise ? explaining.then(finish) : finish(explaining);
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
