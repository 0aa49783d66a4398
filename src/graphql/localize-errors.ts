/**
 * Error messages in the reader's language: after formatError has settled code and message, a Vietnamese
 * reader gets the Vietnamese sentence and the English one moves to extensions.messageEn. Codes never change.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { translateError } from '../domain/i18n/error-text';
import type { Locale } from '../domain/i18n/locale';

/** One formatted error for `locale` (English passes through). */
export function localizeError(error: GraphQLFormattedError, locale: Locale): GraphQLFormattedError {
  if (locale === 'en') return error;
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
  return {
    ...error,
    message: translateError(code, error.message),
    extensions: { ...error.extensions, messageEn: error.message },
  };
}

export function localizeErrorsPlugin<C extends { locale?: Locale }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const locale = contextValue?.locale ?? 'en';
          if (locale === 'en' || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (errors) response.body.singleResult.errors = errors.map((e) => localizeError(e, locale));
        },
      };
    },
  };
}
