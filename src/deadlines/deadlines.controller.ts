import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarLoadedResponse, CalendarYearResponse, CalendarYearsResponse, OverdueListResponse, PeriodResponse, SweepResponse } from './dto/deadline.responses';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ValidationError } from '../common/errors/domain.error';
import { CalendarAdmin } from './calendar-admin';
import { DeadlineSweeps } from './deadline-sweeps';
import { LoadCalendarYearDto } from './dto/load-calendar-year.dto';
import { OverdueQuery } from './dto/overdue.query';
import { PeriodQuery } from './dto/period.query';
import { OverdueLists } from './overdue-lists';

const yearPipe = new ParseIntPipe({ exceptionFactory: () => ValidationError.field('year', '年份应为四位整数') });

@ApiTags('deadlines')
@Controller('deadlines')
export class DeadlinesController {
  constructor(
    @Inject(OverdueLists) private readonly overdueLists: OverdueLists,
    @Inject(CalendarAdmin) private readonly calendar: CalendarAdmin,
    @Inject(DeadlineSweeps) private readonly sweeps: DeadlineSweeps,
  ) {}

  @Get('overdue')
  @ApiOperation({ summary: '超期案件：本单位及下级单位（R-D3），按届满时间排序' })
  @ApiOkResponse({ type: OverdueListResponse })
  overdue(@CurrentUser() user: AuthUser, @Query() query: OverdueQuery) {
    return this.overdueLists.overdue(user, query);
  }

  @Get('period')
  @ApiOperation({ summary: '试算期间：按 R-D4 计算届满日并说明依据（不启动期限）' })
  @ApiOkResponse({ type: PeriodResponse })
  period(@Query() query: PeriodQuery) {
    return this.calendar.period(query);
  }

  @Get('calendar')
  @ApiOperation({ summary: '已录入的节假日安排（年份）' })
  @ApiOkResponse({ type: CalendarYearsResponse })
  years() {
    return this.calendar.years();
  }

  @Get('calendar/:year')
  @ApiOperation({ summary: '某年的放假日与调休上班日' })
  @ApiOkResponse({ type: CalendarYearResponse })
  year(@Param('year', yearPipe) year: number) {
    return this.calendar.year(year);
  }

  @Post('calendar')
  @ApiOperation({ summary: '录入一年的节假日安排（系统管理员；校验、留痕，并重新计算受影响的期限，R-D2）' })
  @ApiCreatedResponse({ type: CalendarLoadedResponse })
  load(@CurrentUser() user: AuthUser, @Body() body: LoadCalendarYearDto) {
    return this.calendar.load(user, body);
  }

  @Post('sweep')
  @HttpCode(200)
  @ApiOperation({ summary: '立即扫描到期期限与提醒（系统管理员；平时由后台定时扫描）' })
  @ApiOkResponse({ type: SweepResponse })
  sweep(@CurrentUser() user: AuthUser) {
    return this.sweeps.sweepNow(user);
  }
}
