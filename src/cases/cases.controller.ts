import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ValidationError } from '../common/errors/domain.error';
import { RequestHeader } from '../common/http/request-header.decorator';
import { CasesService } from './cases.service';
import { CaseListResponse, CaseResponse, HistoryEntryResponse } from './dto/case.responses';
import { eventDtos } from './dto/event.dtos';
import { IntakeDto } from './dto/intake.dto';
import { ListCasesQuery } from './dto/list-cases.query';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => ValidationError.field('id', '案件编号格式不正确') });
const eventClasses = Object.values(eventDtos) as (new () => object)[];

function parseIfMatch(header?: string): number | undefined {
  if (header === undefined) return undefined;
  const version = Number(header.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(version) || version < 1) throw ValidationError.field('If-Match', 'If-Match 应为案件版本号（正整数）');
  return version;
}

function parseIdempotencyKey(header?: string): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\w.:-]{1,128}$/.test(header)) throw ValidationError.field('Idempotency-Key', '幂等键应为 1–128 位字母、数字或 ._:-');
  return header;
}

@ApiTags('cases')
@ApiExtraModels(...eventClasses)
@Controller('cases')
export class CasesController {
  constructor(@Inject(CasesService) private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: '受理登记（R-P1）；同一热线工单重复登记时返回已有案件（R-C2）' })
  @ApiCreatedResponse({ type: CaseResponse, description: '新登记的案件' })
  @ApiOkResponse({ type: CaseResponse, description: '该热线工单已登记过：已有的案件（R-C2）' })
  async register(@CurrentUser() user: AuthUser, @Body() body: IntakeDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.cases.register(user, body);
    reply.status(result.created ? 201 : 200);
    return result.case;
  }

  @Get()
  @ApiOperation({ summary: '本管辖范围内的案件：按状态、渠道、纠纷类型、单位、风险、超期、受理日期与关键词筛选，分页' })
  @ApiOkResponse({ type: CaseListResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQuery) {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '案件详情；reveal=true 时向承办人员显示完整证件号码和电话（留痕）' })
  @ApiQuery({ name: 'reveal', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ type: CaseResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query('reveal') reveal?: string) {
    return this.cases.get(user, id, reveal === 'true');
  }

  @Get(':id/history')
  @ApiOperation({ summary: '案件的全部流转记录：时间、操作人及单位、事件、前后状态、版本' })
  @ApiOkResponse({ type: [HistoryEntryResponse] })
  history(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.cases.history(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: '推进案件：发送一个事件（事件及其字段见各 DTO 与 README）' })
  @ApiOkResponse({ type: CaseResponse, description: '推进后的案件' })
  @ApiBody({ schema: { oneOf: eventClasses.map((c) => ({ $ref: getSchemaPath(c) })) } })
  @ApiHeader({ name: 'If-Match', required: false, description: '期望的案件版本号；不符时 409 VERSION_CONFLICT' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试同一请求时返回首次结果，不重复执行' })
  send(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
    @RequestHeader('if-match') ifMatch?: string,
    @RequestHeader('idempotency-key') idempotencyKey?: string,
  ) {
    return this.cases.send(user, id, body, { ifMatch: parseIfMatch(ifMatch), idempotencyKey: parseIdempotencyKey(idempotencyKey) });
  }
}
