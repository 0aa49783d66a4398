/** Loads the SDL files of schema/ (one per area) and builds the executable schema. */
import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers';
import { stopAtDeadline } from './stop-at-deadline';

/** Walks up from this file to the folder holding package.json (works from src/ and dist/src/). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

export function loadTypeDefs(): string {
  const dir = path.join(projectRoot(), 'schema');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

export function buildSchema(): GraphQLSchema {
  return stopAtDeadline(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
}
