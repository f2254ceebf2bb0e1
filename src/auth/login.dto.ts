import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: '130606002-jo' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @ApiProperty({ example: 'sandiao-demo' }) @IsString() @MinLength(1) @MaxLength(128) password!: string;
}
