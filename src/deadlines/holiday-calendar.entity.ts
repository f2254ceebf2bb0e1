import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** One year's State Council holiday notice, loaded once (R-D2). */
@Entity('holiday_calendar_years')
export class HolidayCalendarYear {
  @PrimaryColumn({ type: 'integer' }) year!: number;
  /** The notice it was copied from, e.g. 国办发明电〔2024〕12号. */
  @Column({ type: 'varchar', length: 200 }) source!: string;
  @Column({ type: 'integer' }) holidays!: number;
  @Column({ type: 'integer' }) workdays!: number;
  @Column({ name: 'loaded_by', type: 'varchar', length: 64 }) loadedBy!: string;
  @InstantColumn({ name: 'loaded_at' }) loadedAt!: string;
}

/** A statutory holiday or a make-up workday 调休上班; every other day follows the weekday. */
@Entity('holiday_calendar_days')
@Index(['year'])
export class HolidayCalendarDay {
  @PrimaryColumn({ type: 'varchar', length: 10 }) date!: string;
  /** The notice that settled this day (a notice may reach into the neighbouring year). */
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar', length: 8 }) kind!: 'holiday' | 'workday';
  @Column({ type: 'varchar', length: 40 }) name!: string;
}
