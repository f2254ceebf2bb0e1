// Builds the Fastify-based Nest application the same way for the server, the tests and the
// benchmarks: /api prefix, body limit, OpenAPI at /api/docs.
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type AppOptions } from './app.module';
import { completeOpenApi } from './common/http/openapi-completion';
import { statisticsSchemas } from './statistics/dto/statistics.responses';
import { APP_CONFIG, type AppConfig } from './config/app.config';
import { applyHttpHygiene } from './http-hygiene';

export async function createApp(options: AppOptions = {}, logger: false | LogLevel[] = ['fatal', 'error', 'warn', 'log']) {
  const adapter = new FastifyAdapter({ bodyLimit: 1_048_576, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, { logger, abortOnError: false });
  await applyHttpHygiene(app, app.get<AppConfig>(APP_CONFIG));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('三调联动 Sandiao API')
    .setDescription('人民调解、行政调解、司法调解联动的案件流程引擎。错误统一为 { code, message, details }。')
    .setVersion('1')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('api/docs', app, () => completeOpenApi(SwaggerModule.createDocument(app, openApi), statisticsSchemas), { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
