import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgNodeResponse } from './org.responses';
import { OrgTreeQuery } from './org-tree.query';
import { OrgsService } from './orgs.service';

@ApiTags('orgs')
@Controller('orgs')
export class OrgsController {
  constructor(@Inject(OrgsService) private readonly orgs: OrgsService) {}

  /** The division tree with its units (defaults: Baoding city, down to townships). */
  @Get('tree')
  @ApiOperation({ summary: '行政区划及其单位树（默认保定市，至乡镇一级）' })
  @ApiOkResponse({ type: OrgNodeResponse })
  tree(@Query() query: OrgTreeQuery) {
    return this.orgs.tree(query.root ?? '130600', query.depth ?? 2);
  }
}
