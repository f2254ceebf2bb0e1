import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * A refresh token, stored only as its SHA-256. Each use rotates it: the old one is revoked and
 * points at its successor. Presenting a revoked one again means it was stolen: the whole family
 * (every token descended from one login) is revoked.
 */
@Entity('refresh_tokens')
@Index(['familyId'])
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Index({ unique: true }) @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ name: 'family_id', type: 'varchar', length: 36 }) familyId!: string;
  @InstantColumn({ name: 'created_at' }) createdAt!: string;
  @InstantColumn({ name: 'expires_at' }) expiresAt!: string;
  @InstantColumn({ name: 'revoked_at', nullable: true }) revokedAt!: string | null;
  @Column({ name: 'replaced_by', type: 'varchar', length: 36, nullable: true }) replacedBy!: string | null;
}
