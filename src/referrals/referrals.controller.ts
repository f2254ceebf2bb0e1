import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseResponse } from '../cases/dto/case.responses';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CourtFilingDto, PetitionReferralDto } from './dto/referral-intake.dto';
import { ReferralIntake } from './referral-intake.service';

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(@Inject(ReferralIntake) private readonly intake: ReferralIntake) {}

  @Post('court-referrals')
  @ApiOperation({ summary: '诉调对接：基层法院登记立案申请（诉前调解案号），随后记录双方同意、暂缓立案并委派司法所（R-L1、R-L2）' })
  @ApiCreatedResponse({ type: CaseResponse, description: '登记的案件（诉前调解案号）' })
  fileAtCourt(@CurrentUser() user: AuthUser, @Body() body: CourtFilingDto) {
    return this.intake.fileAtCourt(user, body);
  }

  @Post('petition-referrals')
  @ApiOperation({ summary: '访调对接：信访部门登记信访事项，随后记录双方同意并移交司法所（R-V1）' })
  @ApiCreatedResponse({ type: CaseResponse, description: '登记的案件' })
  receivePetition(@CurrentUser() user: AuthUser, @Body() body: PetitionReferralDto) {
    return this.intake.receivePetition(user, body);
  }
}
