import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * R-O1: the reporting tree is data and effective-dated. A link holds from `validFrom` (a month,
 * YYYY-MM) up to but not including `validTo`; a month's roll-up follows the links in force then.
 */
@Entity('reporting_links')
@Index(['parentCode'])
export class ReportingLink {
  @PrimaryColumn({ name: 'child_code', type: 'varchar', length: 12 }) childCode!: string;
  @PrimaryColumn({ name: 'valid_from', type: 'varchar', length: 7 }) validFrom!: string;
  @Column({ name: 'parent_code', type: 'varchar', length: 12 }) parentCode!: string;
  @Column({ name: 'valid_to', type: 'varchar', length: 7, nullable: true }) validTo!: string | null;
}
