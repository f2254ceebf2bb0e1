import { Column, Entity, PrimaryColumn } from 'typeorm';

export const preventionKinds = {
  'prevented-suicide': '防止民间纠纷引起自杀',
  'prevented-escalation-to-crime': '防止民转刑',
  'prevented-group-petition': '防止群体性上访',
  'prevented-group-fight': '防止群体性械斗',
} as const;
export type PreventionKind = keyof typeof preventionKinds;

/** A prevention flag recorded on a case with the number of people involved (domain §3). */
@Entity('prevention_flags')
export class PreventionFlag {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) kind!: PreventionKind;
  @Column({ type: 'integer' }) people!: number;
}
