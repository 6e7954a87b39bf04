import path from 'node:path';
import {summarizeDataset} from '../core/summary.js';
import {exitCode, printError, printLine, printProblems} from '../io/output.js';
import {bundledDataDirectory, readDataset} from '../io/read-dataset.js';
import type {CommandContext} from './table.js';

export function run({flags}: CommandContext): number {
	const dataPath = (flags.data as string | undefined) ?? bundledDataDirectory;
	const loaded = readDataset(dataPath);
	if (!loaded.ok) {
		printProblems(loaded.problems);
		return exitCode.failure;
	}

	printError('briefing: the dashboard needs a terminal; printing the summary instead');
	for (const line of summarizeDataset(loaded.value, path.basename(path.resolve(dataPath)))) {
		printLine(line);
	}

	return exitCode.ok;
}
