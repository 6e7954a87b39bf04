import {terminalSafeJson} from '../core/json.js';
import {datasetJsonSchema} from '../core/schema.js';
import {exitCode} from '../io/output.js';

export function run(): number {
	process.stdout.write(`${terminalSafeJson(datasetJsonSchema())}\n`);
	return exitCode.ok;
}
