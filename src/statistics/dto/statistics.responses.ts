// What the statistics routes answer — above all the monthly report (../report.ts builds it) —
// described for OpenAPI. The figures' fields come from the form's column list (../measures.ts), so
// a column added there is documented here without another edit.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { measures } from '../measures';

/** Components the OpenAPI document gets beside the classes' own (see src/app.factory.ts). */
export const statisticsSchemas = {
  Figures: {
    type: 'object',
    description: '月报的各项数字，键为栏目代码（R-T1）；金额以分、用时以秒计',
    required: measures.map((x) => x.id),
    properties: Object.fromEntries(
      measures.map((x) => [x.id, { type: 'integer', description: `${x.group}·${x.header}${x.unit === 'fen' ? '（以分计）' : ''}` }]),
    ),
  },
};

const figures = (description: string) => ({ allOf: [{ $ref: '#/components/schemas/Figures' }], description });
const nullableText = { nullable: true, type: String } as const;

class NamedUnitResponse {
  @ApiProperty({ example: '130606-jb' }) code!: string;
  @ApiProperty({ example: '莲池区司法局' }) name!: string;
}

class DivisionResponse {
  @ApiProperty({ example: '130606' }) code!: string;
  @ApiProperty({ example: '莲池区' }) name!: string;
  @ApiProperty({ example: 'county', description: '层级：village、township、county、city' }) level!: string;
}

class ReopenedResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: '退回人（用户名）' }) by!: string;
  @ApiProperty({ description: '退回理由' }) reason!: string;
}

class DerivedResponse {
  @ApiProperty({ nullable: true, type: Number, description: '调解成功率（%）；无办结时为 null' }) successRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '平均办结天数' }) averageDaysToConclude!: number | null;
}

class ChildLineResponse {
  @ApiProperty() divisionCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty() level!: string;
  @ApiProperty({ ...nullableText, description: '报送单位代码；该区划无报送单位时为 null' }) unitCode!: string | null;
  @ApiProperty({ enum: ['draft', 'submitted', 'reopened', 'live'] }) status!: string;
  @ApiProperty({ ...nullableText, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty(figures('下级报来的数字（已报送的为冻结副本）')) figures!: Record<string, number>;
  @ApiProperty(figures('下级报送后发生的变动，计入本月调整（R-T4）')) adjustments!: Record<string, number>;
  @ApiPropertyOptional({ description: '逾期未报送（R-T4）' }) overdue?: boolean;
}

class AdjustmentResponse {
  @ApiProperty({ example: '2026-09', description: '变动所属的已报送月份' }) month!: string;
  @ApiProperty(figures('该月的变动')) figures!: Record<string, number>;
}

class AdjustmentsResponse {
  @ApiProperty({ type: [AdjustmentResponse] }) items!: AdjustmentResponse[];
  @ApiProperty(figures('各项调整合计')) total!: Record<string, number>;
}

class ExcludedResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ ...nullableText, description: '该月实际报送的上级区划（R-O1）' }) reportsTo!: string | null;
}

class ScoreResponse {
  @ApiProperty({ nullable: true, type: Number, description: '得分（0–100）；无可评之事时为 null' }) score!: number | null;
  @ApiProperty({ description: '计分公式（中文）' }) formula!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: '公式的各项输入' }) inputs!: Record<string, number | null>;
  @ApiPropertyOptional({ type: [String] }) notes?: string[];
}

class EvaluationResponse {
  @ApiProperty({ example: 'v2', description: '公式版本（README 逐版说明）' }) version!: string;
  @ApiProperty({ type: ScoreResponse, description: '过程' }) process!: ScoreResponse;
  @ApiProperty({ type: ScoreResponse, description: '预防效果' }) prevention!: ScoreResponse;
  @ApiProperty({ type: ScoreResponse, description: '信访化解' }) petition!: ScoreResponse;
}

class ColumnResponse {
  @ApiProperty({ example: 'mediated' }) id!: string;
  @ApiProperty({ example: '调解纠纷数' }) header!: string;
  @ApiProperty({ example: '调解' }) group!: string;
  @ApiProperty({ enum: ['acceptance', 'conclusion', 'event'], description: '计入哪个月：受理、办结或事件发生的月份（R-T2）' }) month!: string;
}

export class MonthlyReportResponse {
  @ApiProperty({ type: NamedUnitResponse }) unit!: NamedUnitResponse;
  @ApiProperty({ type: DivisionResponse }) division!: DivisionResponse;
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ enum: ['peoples', 'all'], description: 'peoples：人民调解报表；all：综治中心的各渠道报表' }) scope!: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'reopened', 'live', 'as-of'] }) status!: string;
  @ApiProperty({ description: '已报送次数（0：未报送）' }) version!: number;
  @ApiProperty({ ...nullableText, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ ...nullableText }) submittedBy!: string | null;
  @ApiProperty({ type: ReopenedResponse, nullable: true }) reopened!: ReopenedResponse | null;
  @ApiProperty({ example: '2026-11-05', description: '报送截止日（R-T4）' }) dueDate!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ ...nullableText, format: 'date-time', description: '按时点重算时的时点' }) asOf!: string | null;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty(figures('本单位及下级合计（R-T3）')) figures!: Record<string, number>;
  @ApiProperty({ type: DerivedResponse }) derived!: DerivedResponse;
  @ApiProperty(figures('本单位自办')) own!: Record<string, number>;
  @ApiProperty({ type: [ChildLineResponse] }) children!: ChildLineResponse[];
  @ApiProperty({ type: AdjustmentsResponse }) adjustments!: AdjustmentsResponse;
  @ApiProperty({ type: [ExcludedResponse], description: '行政上属于本区划、本月向别处报送的区划（R-O1）' }) excluded!: ExcludedResponse[];
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: { $ref: '#/components/schemas/Figures' }, description: '综治中心报表：各渠道的数字' })
  byTrack!: Record<string, Record<string, number>> | null;
  @ApiProperty({ type: EvaluationResponse, description: '量化考评（R-T5）' }) evaluation!: EvaluationResponse;
  @ApiProperty({ type: [ColumnResponse], description: '报表栏目（中文表头）' }) columns!: ColumnResponse[];
  @ApiProperty({ type: [String], example: ['SUBMIT'], description: '调用者此刻可以执行的操作' }) allowedEvents!: string[];
}

class OverdueSubmissionResponse {
  @ApiProperty({ example: '130606002001-mc' }) unitCode!: string;
  @ApiProperty() divisionCode!: string;
  @ApiProperty({ example: '友谊社区' }) name!: string;
  @ApiProperty({ example: 'village' }) level!: string;
  @ApiProperty({ nullable: true, type: String, description: '该月所属的上级区划' }) parentCode!: string | null;
  @ApiProperty({ example: '2026-12-03', description: '报送截止日' }) dueDate!: string;
  @ApiProperty({ enum: ['draft', 'reopened'] }) status!: string;
}

export class OverdueSubmissionsResponse {
  @ApiProperty() month!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: [OverdueSubmissionResponse], description: '逾期未报送的下级单位（R-T4）' }) items!: OverdueSubmissionResponse[];
  @ApiProperty() total!: number;
}

class CodeNameResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

class OutcomeValueResponse {
  @ApiProperty({ example: 'agreement', description: '分段结局' }) code!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['success', 'failure', 'handover'], description: '结局类别' }) class!: string | null;
}

class AnalysisRowResponse {
  @ApiProperty({ description: '件数' }) count!: number;
  @ApiPropertyOptional({ example: '2026-10' }) month?: string;
  @ApiPropertyOptional({ type: CodeNameResponse }) unit?: CodeNameResponse;
  @ApiPropertyOptional({ type: CodeNameResponse }) disputeType?: CodeNameResponse;
  @ApiPropertyOptional({ type: CodeNameResponse }) source?: CodeNameResponse;
  @ApiPropertyOptional({ example: 'peoples' }) track?: string;
  @ApiPropertyOptional({ type: OutcomeValueResponse }) outcome?: OutcomeValueResponse;
}

export class AnalysisResponse {
  @ApiProperty({ enum: ['mediated', 'concluded'] }) measure!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [String], enum: ['month', 'unit', 'disputeType', 'source', 'track', 'outcome'] }) groupBy!: string[];
  @ApiPropertyOptional() tier?: string;
  @ApiPropertyOptional() disputeType?: string;
  @ApiPropertyOptional() source?: string;
  @ApiPropertyOptional() track?: string;
  @ApiPropertyOptional() outcome?: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: [AnalysisRowResponse], description: '每行一组：所选维度的取值与件数' }) rows!: AnalysisRowResponse[];
  @ApiProperty() total!: number;
}

export class RecomputeResponse {
  @ApiProperty({ description: '增量汇总与重算结果一致' }) consistent!: boolean;
  @ApiProperty({ description: '差异条数' }) differences!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '前 100 条差异：某月某单位某栏目（month、unitCode、measure、summary、recount），或某案件分段记载的事实（caseId、seq、fact、kept、record）',
  })
  items!: object[];
  @ApiProperty({ description: '用时（秒）' }) seconds!: number;
}

class DueDaysResponse {
  @ApiProperty({ description: '村(居)：次月几日前报送' }) village!: number;
  @ApiProperty() township!: number;
  @ApiProperty() county!: number;
  @ApiProperty() city!: number;
}

export class StatisticsSettingsResponse {
  @ApiProperty({ type: DueDaysResponse, description: '各层级报送截止日（R-T4）' }) dueDays!: DueDaysResponse;
}
