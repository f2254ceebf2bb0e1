import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DocumentResponse, DocumentServiceResponse } from './dto/document.responses';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ValidationError } from '../common/errors/domain.error';
import { DocumentsService } from './documents.service';
import { RecordServiceDto } from './dto/record-service.dto';

const uuid = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => ValidationError.field('id', `${what}编号格式不正确`) });

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Get('cases/:id/documents')
  @ApiOperation({ summary: '案件的全部文书：编号、状态（pending|ready|failed）、SHA-256、模板版本、送达情况（R-F1…R-F3）' })
  @ApiOkResponse({ type: [DocumentResponse] })
  list(@CurrentUser() user: AuthUser, @Param('id', uuid('案件')) id: string) {
    return this.documents.listForCase(user, id);
  }

  @Get('documents/:id')
  @ApiOperation({ summary: '一件文书的元数据与送达记录（与其案件同样的管辖范围）' })
  @ApiOkResponse({ type: DocumentResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', uuid('文书')) id: string) {
    return this.documents.get(user, id);
  }

  @Get('documents/:id/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '下载文书 PDF（与其案件同样的管辖范围；未生成完时 409 DOCUMENT_NOT_READY；批量生成的演示记录没有正文，404 PDF_NOT_FOUND）' })
  @ApiOkResponse({ description: '文书 PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async pdf(@CurrentUser() user: AuthUser, @Param('id', uuid('文书')) id: string, @Res() reply: FastifyReply) {
    const { bytes, filename } = await this.documents.pdf(user, id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .send(bytes);
  }

  @Post('documents/:id/service')
  @ApiOperation({ summary: '登记送达：方式、时间、受送达人与回执（R-F3；仅制发单位）' })
  @ApiCreatedResponse({ type: DocumentServiceResponse })
  recordService(@CurrentUser() user: AuthUser, @Param('id', uuid('文书')) id: string, @Body() body: RecordServiceDto) {
    return this.documents.recordService(user, id, body);
  }
}
