import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InboxMessageResponse, InboxResponse } from './dto/inbox.responses';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ValidationError } from '../common/errors/domain.error';
import { ListInboxQuery } from './dto/list-inbox.query';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(@Inject(InboxService) private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: '本单位的消息（期限提醒等，R-D3），新的在前' })
  @ApiOkResponse({ type: InboxResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: ListInboxQuery) {
    return this.inbox.list(user, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记为已读' })
  @ApiOkResponse({ type: InboxMessageResponse })
  markRead(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ValidationError.field('id', '消息编号格式不正确') })) id: string) {
    return this.inbox.markRead(user, id);
  }
}
