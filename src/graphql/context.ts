/** The per-request context every resolver receives: the app's services, fresh loaders and the viewer. */
import type { Viewer } from '../auth/viewer';
import type { App } from '../app';
import type { Locale } from '../domain/i18n/locale';
import { NO_DEADLINE, type Deadline } from '../domain/deadline';
import { createLoaders, type Loaders } from './loaders';

export interface GraphQLContext {
  app: App;
  loaders: Loaders;
  viewer: Viewer;
  /** The reader's language (Accept-Language); codes are the same in both. */
  locale: Locale;
  /** When the request must stop working (checked by every resolver and by long loops). */
  deadline: Deadline;
}

export function createContext(
  app: App,
  viewer: Viewer,
  locale: Locale = 'en',
  deadline: Deadline = NO_DEADLINE,
): GraphQLContext {
  return {
    app,
    loaders: createLoaders({ directory: app.directoryReads, cases: app.caseReads }),
    viewer,
    locale,
    deadline,
  };
}
