import {countDataset} from '../core/linked.js';
import {exitCode, printLine, printProblems} from '../io/output.js';
import {readDataset} from '../io/read-dataset.js';
import type {CommandContext} from './table.js';

export function run({flags}: CommandContext): number {
	const loaded = readDataset(flags.data as string | undefined);
	if (!loaded.ok) {
		printProblems(loaded.problems);
		return exitCode.failure;
	}

	const counts = countDataset(loaded.value.dataset);
	printLine(`${counts.sources} sources, ${counts.actors} actors, ${counts.events} events, ${counts.quotes} quotes: valid`);
	return exitCode.ok;
}
