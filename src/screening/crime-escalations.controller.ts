import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CrimeEscalationResponse, CrimeEscalationsResponse } from './dto/screening.responses';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ValidationError } from '../common/errors/domain.error';
import { CrimeEscalations } from './crime-escalations.service';
import { RecordEscalationDto } from './dto/record-escalation.dto';

const caseId = new ParseUUIDPipe({ exceptionFactory: () => ValidationError.field('id', '案件编号格式不正确') });

@ApiTags('screening')
@Controller('cases/:id/escalations-to-crime')
export class CrimeEscalationsController {
  constructor(@Inject(CrimeEscalations) private readonly escalations: CrimeEscalations) {}

  @Post()
  @ApiOperation({ summary: '登记民转刑：调解过的纠纷后来转为刑事案件（司法所或公安机关；计入预防效果评分，R-T5）' })
  @ApiCreatedResponse({ type: CrimeEscalationResponse })
  record(@CurrentUser() user: AuthUser, @Param('id', caseId) id: string, @Body() body: RecordEscalationDto) {
    return this.escalations.record(user, id, body);
  }

  @Get()
  @ApiOperation({ summary: '本案登记的民转刑情况' })
  @ApiOkResponse({ type: CrimeEscalationsResponse })
  list(@CurrentUser() user: AuthUser, @Param('id', caseId) id: string) {
    return this.escalations.list(user, id);
  }
}
