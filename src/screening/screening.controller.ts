import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AlertsResponse, MissingScreeningResponse, ScreeningFrequencyResponse, ScreeningRoundResponse, ScreeningRoundsResponse } from './dto/screening.responses';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { AlertsService } from './alerts.service';
import { ListAlertsQuery, ScreeningFrequencyDto, ScreeningPeriodQuery, ScreeningRoundDto } from './dto/screening.dto';
import { ScreeningService } from './screening.service';

@ApiTags('screening')
@Controller()
export class ScreeningController {
  constructor(
    @Inject(ScreeningService) private readonly screening: ScreeningService,
    @Inject(AlertsService) private readonly alerts: AlertsService,
  ) {}

  @Post('screening/rounds')
  @ApiOperation({ summary: '报送本期矛盾纠纷排查（R-V4）：发现的纠纷登记为案件（来源：主动调解·排查），无发现即零报告' })
  @ApiCreatedResponse({ type: ScreeningRoundResponse })
  report(@CurrentUser() user: AuthUser, @Body() body: ScreeningRoundDto) {
    return this.screening.report(user, body);
  }

  @Get('screening/rounds')
  @ApiOperation({ summary: '本辖区某期的排查报送情况' })
  @ApiOkResponse({ type: ScreeningRoundsResponse })
  rounds(@CurrentUser() user: AuthUser, @Query() query: ScreeningPeriodQuery) {
    return this.screening.rounds(user, query.period);
  }

  @Get('screening/missing')
  @ApiOperation({ summary: '本辖区某期尚未报送排查（含零报告）的村(居)调委会' })
  @ApiOkResponse({ type: MissingScreeningResponse })
  missing(@CurrentUser() user: AuthUser, @Query() query: ScreeningPeriodQuery) {
    return this.screening.missing(user, query.period);
  }

  @Get('screening/frequencies')
  @ApiOperation({ summary: '排查频次设置（未设置的按月）' })
  @ApiOkResponse({ type: [ScreeningFrequencyResponse] })
  frequencies() {
    return this.screening.frequencies();
  }

  @Put('screening/frequencies/:divisionCode')
  @ApiOperation({ summary: '设置某行政区划及其下级的排查频次（每月或每周）' })
  @ApiOkResponse({ type: ScreeningFrequencyResponse })
  setFrequency(@CurrentUser() user: AuthUser, @Param('divisionCode') divisionCode: string, @Body() body: ScreeningFrequencyDto) {
    return this.screening.setFrequency(user, divisionCode, body);
  }

  @Get('alerts')
  @ApiOperation({ summary: '红色风险预警：本单位及下级单位的红色风险纠纷报告（R-V4）' })
  @ApiOkResponse({ type: AlertsResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: ListAlertsQuery) {
    return this.alerts.list(user, query);
  }
}
