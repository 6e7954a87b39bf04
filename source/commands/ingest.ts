// Placeholder while the ingest command is being written; replaced by the real command.
import {exitCode, printError} from '../io/output.js';

export function run(): number {
	printError('briefing: ingest is not available yet');
	return exitCode.usage;
}
