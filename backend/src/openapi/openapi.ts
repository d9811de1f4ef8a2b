import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/http/error.dto';
import { APP_VERSION } from '../config/version';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Otklik API')
    .setDescription(
      'Feedback, surveys, churn reasons and complaint clusters. Dashboard calls authenticate with the ' +
        '`otklik_session` cookie and must send `X-CSRF-Token` on writes; servers use `Authorization: Bearer otk_…` ' +
        'API tokens with scopes. Errors have the shape `{ error: { status, code, message, details?, requestId } }`.',
    )
    .setVersion(APP_VERSION)
    .addCookieAuth('otklik_session')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API token (otk_…)' })
    .build();
  return SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorResponseDto],
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/** Interactive docs at /api/docs, the JSON document at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
  });
}
