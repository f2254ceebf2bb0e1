import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A retried request with the same Idempotency-Key gets the first answer and no second effect. */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @PrimaryColumn({ type: 'varchar', length: 128 }) key!: string;
  @Column({ name: 'request_hash', type: 'varchar', length: 64 }) requestHash!: string;
  @Column({ type: 'integer' }) status!: number;
  @Column({ type: 'text' }) body!: string;
  @InstantColumn({ name: 'created_at' }) createdAt!: string;
}
