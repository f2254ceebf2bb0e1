// Rotating, revocable refresh tokens. Only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain.error';
import { uuidv7 } from '../common/ids';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';
import { selectAs } from '../database/hydrate';
import { sql } from '../database/sql';
import { RefreshToken } from './refresh-token.entity';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const expired = () => new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录');

@Injectable()
export class RefreshTokens {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new token; `familyId` ties every rotation of one login together. */
  async issue(userId: string, at: Date, familyId = uuidv7(at.getTime())): Promise<{ token: string; familyId: string; id: string }> {
    const token = randomBytes(32).toString('base64url');
    const id = uuidv7(at.getTime());
    await this.db.write(({ em }) =>
      sql(
        em,
        'INSERT INTO refresh_tokens (id, token_hash, user_id, family_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, digest(token), userId, familyId, at.toISOString(), new Date(at.getTime() + this.config.refreshTokenTtlSeconds * 1000).toISOString()],
      ),
    );
    return { token, familyId, id };
  }

  /** Exchanges a token for its successor; a token used twice revokes its whole family. */
  async rotate(token: string, at: Date): Promise<{ userId: string; token: string; familyId: string }> {
    const outcome = await this.db.write(async ({ em }) => {
      const lock = this.db.isPostgres ? ' FOR UPDATE' : '';
      const [row] = await selectAs(em, RefreshToken, `SELECT * FROM refresh_tokens WHERE token_hash = ?${lock}`, [digest(token)]);
      if (!row || row.expiresAt <= at.toISOString()) return { refused: 'expired' as const };
      if (row.revokedAt) {
        await sql(em, 'UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL', [at.toISOString(), row.familyId]);
        return { refused: 'reused' as const, userId: row.userId };
      }
      const next = randomBytes(32).toString('base64url');
      const id = uuidv7(at.getTime());
      await sql(
        em,
        'INSERT INTO refresh_tokens (id, token_hash, user_id, family_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, digest(next), row.userId, row.familyId, at.toISOString(), new Date(at.getTime() + this.config.refreshTokenTtlSeconds * 1000).toISOString()],
      );
      await sql(em, 'UPDATE refresh_tokens SET revoked_at = ?, replaced_by = ? WHERE id = ?', [at.toISOString(), id, row.id]);
      return { userId: row.userId, token: next, familyId: row.familyId };
    });
    if ('refused' in outcome) throw expired();
    return outcome;
  }

  /** Logout: this login's whole family stops working. */
  async revokeFamily(token: string, at: Date): Promise<void> {
    await this.db.write(async ({ em }) => {
      const [row] = await sql<{ family_id: string }>(em, 'SELECT family_id FROM refresh_tokens WHERE token_hash = ?', [digest(token)]);
      if (row) await sql(em, 'UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL', [at.toISOString(), row.family_id]);
    });
  }

  async revokeAllOf(userId: string, at: Date): Promise<void> {
    await this.db.write(({ em }) => sql(em, 'UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [at.toISOString(), userId]));
  }
}
