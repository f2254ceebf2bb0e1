import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Gap-free counters for case and document numbers, per issuing unit, kind and year (R-F1). */
@Entity('number_sequences')
export class NumberSequence {
  @PrimaryColumn({ type: 'varchar', length: 96 }) scope!: string;
  @Column({ name: 'last_value', type: 'integer' }) lastValue!: number;
}
