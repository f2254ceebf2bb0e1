import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';
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
}
