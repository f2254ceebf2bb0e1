// What the deadline routes answer (R-D1…R-D4), described for OpenAPI.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UnitNameResponse } from '../../common/http/api-shapes';

class OverdueClockResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'peoples-mediation' }) kind!: string;
  @ApiProperty({ example: '调解期限' }) label!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ example: '2026-12-02', description: '期间的末日（当日 24 时届满）' }) lastDay!: string;
}

class OverdueCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNo!: string;
  @ApiProperty() state!: string;
  @ApiProperty() stateLabel!: string;
  @ApiProperty() riskLevel!: string;
  @ApiProperty({ type: UnitNameResponse }) handlingUnit!: UnitNameResponse;
  @ApiProperty({ type: OverdueClockResponse }) clock!: OverdueClockResponse;
  @ApiProperty({ description: '已超过的天数' }) overdueDays!: number;
  @ApiProperty({ description: '届满日的计算依据（中文，R-D4）' }) basis!: string;
}

class OverdueCountResponse {
  @ApiProperty({ type: UnitNameResponse }) unit!: UnitNameResponse;
  @ApiProperty() overdue!: number;
}

export class OverdueListResponse {
  @ApiProperty({ type: UnitNameResponse }) unit!: UnitNameResponse;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [OverdueCountResponse], description: '本单位及各下级单位的超期件数' }) byUnit!: OverdueCountResponse[];
  @ApiProperty({ type: [OverdueCaseResponse] }) items!: OverdueCaseResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

class SkippedDaysResponse {
  @ApiProperty({ example: '2026-02-15' }) from!: string;
  @ApiProperty({ example: '2026-02-23' }) to!: string;
  @ApiProperty() days!: number;
  @ApiProperty({ enum: ['holiday', 'weekend'] }) reason!: string;
  @ApiProperty({ example: '春节' }) name!: string;
}

class CalendarDayResponse {
  @ApiProperty({ example: '2026-02-14' }) date!: string;
  @ApiProperty({ example: '春节调休' }) name!: string;
}

export class PeriodResponse {
  @ApiProperty({ example: 'R-D4' }) rule!: string;
  @ApiProperty({ enum: ['calendar', 'working'] }) dayKind!: string;
  @ApiProperty() days!: number;
  @ApiProperty({ example: '2026-02-10', description: '起算日（当日不计入）' }) from!: string;
  @ApiPropertyOptional({ description: '自然日期间按日数数到的日子（末日逢节假日顺延前）' }) countedTo?: string;
  @ApiProperty({ example: '2026-03-30', description: '末日' }) lastDay!: string;
  @ApiProperty({ type: [SkippedDaysResponse], description: '未计入的节假日与周末' }) skipped!: SkippedDaysResponse[];
  @ApiProperty({ type: [CalendarDayResponse], description: '计入的调休上班日' }) makeUpWorkdays!: CalendarDayResponse[];
  @ApiProperty({ type: [Number], description: '尚未录入节假日安排的年份（按周末计算，录入后重算，R-D2）' }) calendarMissing!: number[];
  @ApiProperty({ description: '计算说明（中文）' }) explanation!: string;
  @ApiProperty({ format: 'date-time', description: '届满时间：末日 24 时（北京时间）' }) dueAt!: string;
}

export class CalendarYearSummaryResponse {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ description: '依据的通知' }) source!: string;
  @ApiProperty({ description: '放假天数' }) holidays!: number;
  @ApiProperty({ description: '调休上班天数' }) workdays!: number;
  @ApiProperty({ example: 'migration', description: '录入人（随版本发布的为 migration）' }) loadedBy!: string;
  @ApiProperty({ format: 'date-time' }) loadedAt!: string;
}

export class CalendarYearsResponse {
  @ApiProperty({ type: [CalendarYearSummaryResponse] }) items!: CalendarYearSummaryResponse[];
}

class CalendarEntryResponse {
  @ApiProperty({ example: '2026-02-15' }) date!: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) kind!: string;
  @ApiProperty({ example: '春节' }) name!: string;
}

export class CalendarYearResponse extends CalendarYearSummaryResponse {
  @ApiProperty({ type: [CalendarEntryResponse] }) days!: CalendarEntryResponse[];
}

export class CalendarLoadedResponse {
  @ApiProperty() year!: number;
  @ApiProperty() source!: string;
  @ApiProperty() holidays!: number;
  @ApiProperty() workdays!: number;
  @ApiProperty({ description: '因此重算届满日的期限数（R-D2）' }) recountedClocks!: number;
}

class DelayResponse {
  @ApiProperty() p50!: number;
  @ApiProperty() p99!: number;
  @ApiProperty() max!: number;
}

export class SweepResponse {
  @ApiProperty({ description: '届满并已发出超期事件的期限数' }) fired!: number;
  @ApiProperty({ description: '案件已不在该期限所属阶段、就此停止的期限数' }) stopped!: number;
  @ApiProperty({ description: '处理失败、留待下一轮的期限数' }) failed!: number;
  @ApiProperty({ description: '发出的到期提醒数（R-D3）' }) reminded!: number;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: DelayResponse, description: '扫描期间的事件循环延迟（毫秒）' }) eventLoopDelayMs!: DelayResponse;
  @ApiProperty({ description: '扫描所用 CPU 时间（毫秒）' }) cpuMs!: number;
}
