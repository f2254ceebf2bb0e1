import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';

/** One accepted event: the case history. `version` is the case version the event produced. */
@Entity('case_transitions')
@Index(['caseId', 'version'], { unique: true })
export class CaseTransition {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'varchar', length: 40 }) event!: string;
  @JsonColumn() payload!: Record<string, any>;
  @Column({ name: 'from_state', type: 'varchar', length: 64, nullable: true }) fromState!: string | null;
  @Column({ name: 'to_state', type: 'varchar', length: 64 }) toState!: string;
  @Column({ name: 'actor_username', type: 'varchar', length: 64 }) actorUsername!: string;
  @Column({ name: 'actor_unit_code', type: 'varchar', length: 40, nullable: true }) actorUnitCode!: string | null;
  @InstantColumn() at!: string;
}
