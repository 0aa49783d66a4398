/** The per-request context every resolver receives: the app's services, fresh loaders and the viewer. */
import type { Viewer } from '../auth/viewer';
import type { App } from '../app';
import type { Locale } from '../domain/i18n/locale';
import { createLoaders, type Loaders } from './loaders';

export interface GraphQLContext {
  app: App;
  loaders: Loaders;
  viewer: Viewer;
  /** The reader's language (Accept-Language); codes are the same in both. */
  locale: Locale;
}

export function createContext(app: App, viewer: Viewer, locale: Locale = 'en'): GraphQLContext {
  return { app, loaders: createLoaders(app.store), viewer, locale };
}
