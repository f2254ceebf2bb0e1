import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnalysisResponse, MonthlyReportResponse, OverdueSubmissionsResponse, RecomputeResponse, StatisticsSettingsResponse } from './dto/statistics.responses';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ValidationError } from '../common/errors/domain.error';
import { AnalysisQuery, ReopenDto, ReportQuery, SettingsDto } from './dto/statistics.dtos';
import type { ExportFormat } from './exports/export.worker';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(@Inject(StatisticsService) private readonly statistics: StatisticsService) {}

  @Get('monthly/:unitCode/:month')
  @ApiOperation({ summary: '月度统计报表：已报送时为冻结副本，否则为实时草稿；asOf 按时点重算（R-T1…R-T5）' })
  @ApiOkResponse({ type: MonthlyReportResponse })
  report(@CurrentUser() user: AuthUser, @Param('unitCode') unitCode: string, @Param('month') month: string, @Query() query: ReportQuery) {
    return this.statistics.report(user.actor, unitCode, month, query.asOf);
  }

  @Post('monthly/:unitCode/:month/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '报送（冻结副本，R-T4）' })
  @ApiOkResponse({ type: MonthlyReportResponse, description: '报送后的报表（冻结副本）' })
  submit(@CurrentUser() user: AuthUser, @Param('unitCode') unitCode: string, @Param('month') month: string) {
    return this.statistics.submit(user.actor, unitCode, month);
  }

  @Post('monthly/:unitCode/:month/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: '上级退回下级报表（须说明理由，留痕，R-T4）' })
  @ApiOkResponse({ type: MonthlyReportResponse, description: '退回后的报表' })
  reopen(@CurrentUser() user: AuthUser, @Param('unitCode') unitCode: string, @Param('month') month: string, @Body() body: ReopenDto) {
    return this.statistics.reopen(user.actor, unitCode, month, body.reason);
  }

  @Get('monthly/:unitCode/:month/overdue')
  @ApiOperation({ summary: '逾期未报送的下级单位（R-T4）' })
  @ApiOkResponse({ type: OverdueSubmissionsResponse })
  overdue(@CurrentUser() user: AuthUser, @Param('unitCode') unitCode: string, @Param('month') month: string) {
    return this.statistics.overdue(user.actor, unitCode, month);
  }

  @Get('monthly/:unitCode/:month/export.:format')
  @ApiOperation({ summary: '导出 xlsx / csv / pdf（中文表头，PDF 含图表，R-T6）' })
  @ApiOkResponse({
    description: '报表文件（xlsx、csv 或 pdf）',
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async export(
    @CurrentUser() user: AuthUser,
    @Param('unitCode') unitCode: string,
    @Param('month') month: string,
    @Param('format') format: string,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.statistics.export(user.actor, unitCode, month, exportFormat(format));
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  }

  @Get('analysis')
  @ApiOperation({ summary: '自定义分析：按单位/层级、月份区间、纠纷类型、来源、渠道、结果计数' })
  @ApiOkResponse({ type: AnalysisResponse })
  analysis(@CurrentUser() user: AuthUser, @Query() query: AnalysisQuery) {
    return this.statistics.analysis(user.actor, query);
  }

  @Post('recompute')
  @HttpCode(200)
  @ApiOperation({ summary: '全量重算并与增量汇总核对（系统管理员；修复用 npm run statistics:recompute -- --repair）' })
  @ApiOkResponse({ type: RecomputeResponse })
  recompute(@CurrentUser() user: AuthUser) {
    return this.statistics.recompute(user.actor);
  }

  @Get('settings')
  @ApiOperation({ summary: '各层级报送截止日' })
  @ApiOkResponse({ type: StatisticsSettingsResponse })
  settings() {
    return this.statistics.settings();
  }

  @Put('settings')
  @ApiOperation({ summary: '修改各层级报送截止日（R-T4）' })
  @ApiOkResponse({ type: StatisticsSettingsResponse })
  updateSettings(@CurrentUser() user: AuthUser, @Body() body: SettingsDto) {
    return this.statistics.updateSettings(user.actor, body.dueDays);
  }
}

function exportFormat(format: string): ExportFormat {
  if (format === 'xlsx' || format === 'csv' || format === 'pdf') return format;
  throw ValidationError.field('format', '导出格式可选：xlsx、csv、pdf');
}
