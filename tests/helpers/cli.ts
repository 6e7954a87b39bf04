import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cliPath = path.join(repoRoot, 'dist', 'cli.cjs');
export const fixtures = path.join(repoRoot, 'tests', 'fixtures');

export type CliResult = {code: number | null; stdout: string; stderr: string};

/** Runs the built CLI as a user would, without a terminal. */
export function runCli(args: readonly string[], options: {env?: NodeJS.ProcessEnv; cwd?: string; input?: string} = {}): CliResult {
	const result = spawnSync(process.execPath, [cliPath, ...args], {
		cwd: options.cwd ?? repoRoot,
		encoding: 'utf8',
		input: options.input ?? '',
		env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env},
		maxBuffer: 256 * 1024 * 1024,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}
