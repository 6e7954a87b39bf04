import {exitCode, printProblems} from '../io/output.js';
import {readDataset} from '../io/read-dataset.js';
import {terminalSafeJson} from '../core/json.js';
import type {CommandContext} from './table.js';

export function run({flags}: CommandContext): number {
	const loaded = readDataset(flags.data as string | undefined);
	if (!loaded.ok) {
		printProblems(loaded.problems);
		return exitCode.failure;
	}

	process.stdout.write(`${terminalSafeJson(loaded.value.dataset)}\n`);
	return exitCode.ok;
}
