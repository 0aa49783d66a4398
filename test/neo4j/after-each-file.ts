/** Jest `neo4j` project: a file gives the graph back when it ends, even if it left an app open. */
import { releaseGraphLock } from './graph-lock';

jest.setTimeout(60_000);
afterAll(() => releaseGraphLock());
