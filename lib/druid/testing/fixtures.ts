// Reads Druid's documented examples from testdata/druid-contract (copied into the repository).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDruidJson } from '../json';

export const CONTRACT_DIR = path.resolve(__dirname, '../../../testdata/druid-contract');

export function fixtureText(name: string): string {
  return readFileSync(path.join(CONTRACT_DIR, name), 'utf8');
}

/** Parsed as the client parses bodies: integers beyond 2^53 stay exact, as strings. */
export function fixtureJson(name: string): unknown {
  return parseDruidJson(fixtureText(name), { bigIntegers: 'string' });
}

/** The files of testdata/druid-contract, or of one of its folders (real/: answers of a running Druid). */
export function fixtureNames(folder = ''): string[] {
  return readdirSync(path.join(CONTRACT_DIR, folder), { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => (folder ? `${folder}/${entry.name}` : entry.name))
    .sort();
}

export const RECORDED_DIR = path.join(CONTRACT_DIR, 'druid33');

/** Answers recorded from Apache Druid 33.0.0, parsed as the client parses them. */
export function recordedJson(name: string): unknown {
  return parseDruidJson(readFileSync(path.join(RECORDED_DIR, name), 'utf8'), { bigIntegers: 'string' });
}

export function recordedNames(): string[] {
  return readdirSync(RECORDED_DIR).sort();
}
