import {readFileSync} from 'node:fs';
import meow from 'meow';
import {
	commandHelpText, commands, findCommand, type Flags, flagSpecs, helpText,
} from './commands/table.js';
import {failUsage, installProcessGuards} from './io/output.js';

installProcessGuards();

// yargs-parser, inside meow, reads `--data -` as an empty value; `--data=-` keeps the dash.
const stringFlags = new Set(flagSpecs.filter((spec) => spec.type === 'string').map((spec) => `--${spec.name}`));
const argv = process.argv.slice(2).reduce<string[]>((joined, arg) => {
	const previous = joined.at(-1);
	if (arg === '-' && previous !== undefined && stringFlags.has(previous)) {
		joined[joined.length - 1] = `${previous}=-`;
	} else {
		joined.push(arg);
	}

	return joined;
}, []);

/** meow keys flags in camelCase: `--dry-run` is `dryRun`. */
function camelCase(name: string): string {
	return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The version in package.json, found from this file, built or not. */
function packageVersion(): string {
	for (const up of ['../package.json', '../../package.json']) {
		try {
			const {version} = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as {version?: string};
			if (version) {
				return version;
			}
		} catch {
			// Try the next folder up.
		}
	}

	return 'unknown';
}

// meow is handed the package rather than finding it: its search for package.json and the code
// that normalizes one are left out of the bundle (see source/tools/build.mjs); only --version
// reads the file.
const cli = meow({
	importMeta: import.meta,
	pkg: {name: 'briefing'},
	argv,
	autoHelp: false,
	autoVersion: false,
	description: false,
	help: false,
	allowUnknownFlags: true,
	flags: Object.fromEntries(flagSpecs.map((spec) => [camelCase(spec.name), {type: spec.type, ...(spec.shortFlag ? {shortFlag: spec.shortFlag} : {})}])) as Record<string, {type: 'string'}>,
});
process.title = 'briefing';

/** Flag names as typed, so that unknown ones are reported as the user wrote them. */
function typedFlags(args: readonly string[]): string[] {
	const names: string[] = [];
	for (const arg of args) {
		if (arg === '--') {
			break;
		}

		if (arg.startsWith('--')) {
			names.push(arg.slice(2).split('=')[0]!);
		} else if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
			names.push(...[...arg.slice(1)].map((letter) => `-${letter}`));
		}
	}

	return names;
}

function canonicalFlag(typed: string): string | undefined {
	if (typed.startsWith('-')) {
		return flagSpecs.find((spec) => spec.shortFlag === typed.slice(1))?.name;
	}

	const name = typed.replace(/^no-/, '');
	return flagSpecs.find((spec) => spec.name === typed || (spec.type === 'boolean' && spec.name === name))?.name;
}

const commandName = cli.input[0];
const command = findCommand(commandName);
const label = command?.name ? `briefing ${command.name}` : 'briefing';

if (cli.flags.version && commandName === undefined) {
	process.stdout.write(`${packageVersion()}\n`);
} else if (cli.flags.help) {
	process.stdout.write(`${command?.name ? commandHelpText(command) : helpText()}\n`);
} else if (!command) {
	failUsage(`unknown command "${String(commandName)}": the commands are ${commands.map((each) => each.name).join(', ')} (see briefing --help)`);
} else {
	void runCommand(command);
}

/** Checks the flags against what the command takes, then runs it. */
async function runCommand(command: NonNullable<ReturnType<typeof findCommand>>): Promise<void> {
	const flags = cli.flags as Flags;
	for (const typed of typedFlags(argv)) {
		const name = canonicalFlag(typed);
		const shown = typed.startsWith('-') ? typed : `--${typed}`;
		if (name === undefined) {
			failUsage(`unknown flag ${shown} (see ${label} --help)`);
		}

		if (!command.flags.includes(name) && name !== 'help') {
			failUsage(`${command.name || 'the dashboard'} does not take ${shown} (see ${label} --help)`);
		}

		const spec = flagSpecs.find((each) => each.name === name)!;
		const value = flags[camelCase(name)];
		if (spec.type === 'string' && (typeof value !== 'string' || value === '')) {
			failUsage(`${shown} needs a value: ${shown} ${spec.value ?? 'VALUE'}`);
		}

		if (spec.choices && !spec.choices.includes(String(value))) {
			failUsage(`${shown} must be one of ${spec.choices.join(', ')}, not "${String(value)}"`);
		}

		if (spec.type === 'number' && !Number.isFinite(value)) {
			failUsage(`${shown} needs a number: ${shown} ${spec.value ?? 'N'}`);
		}
	}

	const inputs = cli.input.slice(command.name ? 1 : 0);
	if (inputs.length > command.maxInputs) {
		failUsage(`${command.name || 'the dashboard'} does not take "${inputs[command.maxInputs]}" (see ${label} --help)`);
	}

	const module = await command.load();
	process.exitCode = await module.run({input: inputs, flags});
	// A large dataset seen for the first time is cached for next time, now that the output is out.
	const {savePendingSnapshots} = await import('./io/load-dataset.js');
	savePendingSnapshots();
}
