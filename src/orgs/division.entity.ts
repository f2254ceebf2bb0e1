import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Tier } from '../../workflows/case';

/** A statistical division (国家统计局 统计用区划代码): city, county, township or village. */
@Entity('divisions')
export class Division {
  @PrimaryColumn({ type: 'varchar', length: 12 }) code!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: Tier;
  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true }) parentCode!: string | null;
}
