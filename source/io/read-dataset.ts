import type {LinkedDataset, Problem, Result} from '../core/linked.js';
import * as explainer from './explain.js';
import {type LoadedDataset, loadWith, type LoadOptions} from './load-dataset.js';
import {bundledDataDirectory, locateData} from './records.js';

/**
 * Reading a dataset synchronously, for code that cannot wait (tests, ingest): the same loading as
 * `loadDataset` in `load-dataset.ts`, with the zod explanation loaded up front. The commands use
 * `loadDataset`, which loads zod only when the data has problems.
 */

export {
	bundledDataDirectory, datasetFileName, decodeUtf8, maxDocumentBytes, ndjsonFileName, resolveDatasetFile,
} from './records.js';

/** Reads, validates and links the dataset at `dataPath` (a folder, a file, or `-` for standard input). */
export function readDataset(dataPath: string = bundledDataDirectory): Result<LinkedDataset> {
	const loaded = readDatasetInfo(dataPath);
	return loaded.ok ? {ok: true, value: loaded.value.linked} : loaded;
}

/** {@link readDataset} with the content hash and size, which key the caches. */
export function readDatasetInfo(dataPath: string = bundledDataDirectory, options: LoadOptions = {}): Result<LoadedDataset> {
	const location = locateData(dataPath);
	if (!location.ok) {
		return location;
	}

	return loadWith(location.value, () => explainer, options) as Result<LoadedDataset>;
}

export type {LoadedDataset, Problem};
