import type { EntityManager } from 'typeorm';

/**
 * Runs raw SQL written with `?` placeholders on either dialect (PostgreSQL wants `$1, $2 …`).
 * Used where the query builder would cost more than the statement itself (hot paths, upserts).
 */
export function sql<T = unknown>(em: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  if (em.connection.options.type !== 'postgres') return em.query(text, params);
  let n = 0;
  return em.query(
    text.replace(/\?/g, () => `$${++n}`),
    params,
  );
}
