import {formatProblem, type Problem} from '../core/linked.js';
import {sanitizeInline} from '../core/sanitize.js';

/** Exit codes: 0 success, 1 invalid data or nothing found, 2 bad usage. */
export const exitCode = {ok: 0, failure: 1, usage: 2} as const;

export function printLine(text = ''): void {
	process.stdout.write(`${text}\n`);
}

export function printError(text: string): void {
	process.stderr.write(`${sanitizeInline(text)}\n`);
}

/** One line on stderr and exit code 2, for a command line that cannot be run as typed. */
export function failUsage(message: string): never {
	printError(`briefing: ${message}`);
	process.exit(exitCode.usage);
}

/** Every problem, one line each, with what to fix; data strings in them are sanitized. */
export function printProblems(problems: readonly Problem[]): void {
	for (const problem of problems) {
		printError(formatProblem(problem));
	}

	const count = problems.length;
	printError(`${count} problem${count === 1 ? '' : 's'} found`);
}

const cleanups: Array<() => void> = [];

/** Runs before a fatal error is reported, so that the message lands on a restored terminal. */
export function registerCleanup(cleanup: () => void): void {
	cleanups.push(cleanup);
}

/**
 * A closed pipe (`briefing export | head`) is not an error; anything unexpected is reported on one
 * line without a stack trace unless BRIEFING_DEBUG asks for it.
 */
export function installProcessGuards(): void {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			process.exit(process.exitCode ?? 0);
		}

		throw error;
	});

	const report = (error: unknown): void => {
		for (const cleanup of cleanups.splice(0)) {
			cleanup();
		}

		const message = error instanceof Error ? error.message : String(error);
		printError(`briefing: internal error: ${message}`);
		if (process.env.BRIEFING_DEBUG && error instanceof Error && error.stack) {
			process.stderr.write(`${error.stack}\n`);
		}

		process.exit(exitCode.failure);
	};

	process.on('uncaughtException', report);
	process.on('unhandledRejection', report);
}
