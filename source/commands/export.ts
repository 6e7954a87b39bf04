import {loadDataset} from '../io/load-dataset.js';
import {exitCode, printError, printProblems} from '../io/output.js';
import {progressBar} from '../io/progress.js';
import {datasetRecords, stdoutSink, writeRecords} from '../io/write-dataset.js';
import type {CommandContext} from './table.js';

/**
 * Prints the dataset sorted and normalized: one JSON document (`--json`), or NDJSON (`--ndjson`),
 * one record per line, which loads as a stream however large. Either way it is written a record
 * at a time, never as one string.
 */
export async function run({flags}: CommandContext): Promise<number> {
	if (flags.json && flags.ndjson) {
		printError('briefing export: choose one of --json and --ndjson');
		return exitCode.usage;
	}

	const progress = progressBar('loading');
	const loaded = await loadDataset(flags.data as string | undefined, {onProgress: progress.update, deferSnapshot: true});
	progress.done();
	if (!loaded.ok) {
		printProblems(loaded.problems);
		return exitCode.failure;
	}

	await writeRecords(datasetRecords(loaded.value.linked.dataset), flags.ndjson ? 'ndjson' : 'json', stdoutSink());
	return exitCode.ok;
}
