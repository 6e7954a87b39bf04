import {countDataset} from '../core/linked.js';
import {loadDataset} from '../io/load-dataset.js';
import {exitCode, printLine, printProblems} from '../io/output.js';
import {progressBar} from '../io/progress.js';
import type {CommandContext} from './table.js';

export async function run({flags}: CommandContext): Promise<number> {
	const progress = progressBar('validating');
	const loaded = await loadDataset(flags.data as string | undefined, {onProgress: progress.update, deferSnapshot: true});
	progress.done();
	if (!loaded.ok) {
		printProblems(loaded.problems);
		return exitCode.failure;
	}

	const counts = countDataset(loaded.value.linked.dataset);
	printLine(`${counts.sources} sources, ${counts.actors} actors, ${counts.events} events, ${counts.quotes} quotes: valid`);
	return exitCode.ok;
}
