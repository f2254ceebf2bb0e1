import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';
import { encryptedText } from '../common/crypto/field-cipher';
import type { Role } from '../../workflows/case';

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) username!: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 255 }) passwordHash!: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 40 }) unitCode!: string;
  @JsonColumn() roles!: Role[];
  @Column({ name: 'display_name', type: 'varchar', length: 80 }) displayName!: string;
  @InstantColumn({ name: 'created_at' }) createdAt!: string;
  /** Consecutive failed logins; 5 lock the account for 15 minutes (等保 level 3). */
  @Column({ name: 'failed_logins', type: 'integer', default: 0 }) failedLogins!: number;
  @InstantColumn({ name: 'locked_until', nullable: true }) lockedUntil!: string | null;
  @InstantColumn({ name: 'password_changed_at', nullable: true }) passwordChangedAt!: string | null;
  /** TOTP second factor: the secret, encrypted at rest; enabled once the user proved a code. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true, transformer: encryptedText }) totpSecret!: string | null;
  @Column({ name: 'totp_enabled', type: 'boolean', default: false }) totpEnabled!: boolean;
  /** The last TOTP time step accepted, so a code cannot be replayed. */
  @Column({ name: 'totp_last_step', type: 'integer', nullable: true }) totpLastStep!: number | null;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
}
