import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Tier, UnitKind } from '../../workflows/case';

/** A unit that acts: committee, justice office or bureau, court, agency, petition office. */
@Entity('units')
@Index(['divisionCode'])
export class Unit {
  /** Division code + kind in lower case, e.g. `130606002-jo` (../shared/api.md). */
  @PrimaryColumn({ type: 'varchar', length: 40 }) code!: string;
  @Column({ type: 'varchar', length: 80 }) name!: string;
  @Column({ type: 'varchar', length: 4 }) kind!: UnitKind;
  @Column({ type: 'varchar', length: 16 }) tier!: Tier;
  @Column({ name: 'division_code', type: 'varchar', length: 12 }) divisionCode!: string;
  /** Abbreviation used in document numbers, e.g. 莲池五四 in (2026)莲池五四司告字第3号. */
  @Column({ type: 'varchar', length: 24 }) abbr!: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) agency!: string | null;
}
