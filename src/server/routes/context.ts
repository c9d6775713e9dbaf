import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connect';
import type { Principal } from '../auth/tokens';

/** What every route module needs. */
export interface AppContext {
  db: Db;
  database: 'pglite' | 'postgres';
  version: string;
  now: () => Date;
  principal(req: FastifyRequest): Promise<Principal>;
}
